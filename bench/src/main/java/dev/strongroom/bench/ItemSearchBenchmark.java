package dev.strongroom.bench;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Item search at 10,000 items (issue 4 and issue 8: building the index on unlock and one keystroke
 * of search-as-you-type, target well under 16 ms). Documents are synthetic but realistic: names of
 * two or three words, usernames, one or two URLs, tags, folders and field names.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ItemSearchBenchmark {

    private static final String[] WORDS = {
        "github",
        "gitlab",
        "aws",
        "prod",
        "staging",
        "postgres",
        "mysql",
        "redis",
        "stripe",
        "billing",
        "admin",
        "deploy",
        "backup",
        "vpn",
        "office",
        "wiki",
        "jira",
        "slack",
        "grafana",
        "kafka",
        "mail",
        "dns",
        "ldap",
        "bastion",
        "payroll",
        "café",
        "analytics",
        "search",
        "ci",
    };

    @Param({"10000"})
    public int items;

    private List<SearchDocument> documents;
    private SearchIndex index;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        documents = new ArrayList<>(items);
        ItemType[] types = ItemType.values();
        for (int i = 0; i < items; i++) {
            String a = WORDS[random.nextInt(WORDS.length)];
            String b = WORDS[random.nextInt(WORDS.length)];
            String name = capitalise(a) + " " + b + (random.nextBoolean() ? " " + i : "");
            documents.add(
                    new SearchDocument(
                            "item-" + i,
                            types[random.nextInt(types.length)],
                            name,
                            "user" + random.nextInt(500) + "@example.com",
                            List.of("https://" + a + ".example.com/" + b, b + ".internal"),
                            List.of(
                                    WORDS[random.nextInt(WORDS.length)],
                                    "team-" + random.nextInt(20)),
                            "Work/" + capitalise(b),
                            List.of("Region", "Account " + random.nextInt(100))));
        }
        index = SearchIndex.of(documents);
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Building the index from 10,000 documents (done once on unlock). */
    @Benchmark
    public SearchIndex build() {
        return SearchIndex.of(documents);
    }

    /** First keystroke: a short term that matches many items. */
    @Benchmark
    public List<SearchHit> queryOneLetter() {
        return index.search("g", 50);
    }

    @Benchmark
    public List<SearchHit> queryWord() {
        return index.search("postgres", 50);
    }

    @Benchmark
    public List<SearchHit> queryTwoTerms() {
        return index.search("prod bill", 50);
    }

    @Benchmark
    public List<SearchHit> queryNoMatch() {
        return index.search("zzzqqq", 50);
    }
}

package dev.strongroom.desktop.items;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.search.SearchDocument;
import dev.strongroom.client.search.SearchHit;
import dev.strongroom.client.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The list's search gives exactly client-core's matches and order, for queries typed letter by
 * letter (where it narrows from the previous result), deleted, and jumped between at random.
 */
class InstantSearchTest {

    static final String[] WORDS = {
        "github",
        "GitLab",
        "Café",
        "cafe",
        "aws",
        "prod",
        "postgres",
        "Redis",
        "Ångström",
        "vpn",
        "bastion",
        "stage",
        "user",
        "git",
        "ΟΔΟΣ",
        "naïve",
        "x-ray"
    };
    static final ItemType[] TYPES = {
        ItemType.LOGIN,
        ItemType.DATABASE,
        ItemType.SECURE_NOTE,
        ItemType.API_KEY,
        ItemType.ENVIRONMENT
    };

    private final Random random = new Random(42);
    private final List<ItemSummary> items = new ArrayList<>();
    private final List<SearchDocument> documents = new ArrayList<>();

    InstantSearchTest() {
        for (int i = 0; i < 600; i++) {
            String name = word() + (random.nextBoolean() ? " " + word() : word()) + " " + (i % 37);
            if (i % 50 == 0) {
                name = "github"; // whole-name hits, and ties broken by id
            }
            String id = "v" + (i % 3) + "/" + String.format("%04d", 599 - i);
            ItemType type = TYPES[i % TYPES.length];
            String user = i % 4 == 0 ? null : "user-" + word() + "@example.com";
            documents.add(
                    new SearchDocument(
                            id,
                            type,
                            name,
                            user,
                            i % 5 == 0 ? List.of() : List.of("https://" + word() + ".example/x"),
                            List.of("team-" + word()),
                            i % 2 == 0 ? null : "Infra/" + word(),
                            i % 3 == 0 ? List.of("API_" + word()) : List.of()));
            items.add(
                    new ItemSummary(
                            id.substring(0, 2), id.substring(3), "V", type, name, user, false));
        }
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    @Test
    void typingAndDeletingMatchesClientCoreAtEveryKeystroke() {
        InstantSearch search = new InstantSearch(items, documents);
        for (String query :
                List.of(
                        "github",
                        "git hub",
                        "postgres redis",
                        "cafe",
                        "CAFÉ",
                        "ångs",
                        "user-git",
                        "https://vpn",
                        "οδος",
                        "ΟΔΟΣ x",
                        "naive",
                        "x-ray git",
                        "zzz",
                        "team- api")) {
            for (int i = 1; i <= query.length(); i++) {
                assertSame(search, query.substring(0, i));
            }
            for (int i = query.length() - 1; i >= 1; i--) {
                assertSame(search, query.substring(0, i));
            }
        }
    }

    @Test
    void randomQueriesInAnyOrderMatchClientCore() {
        InstantSearch search = new InstantSearch(items, documents);
        String letters = "abcegilnorstuvx- /.åéΟΣ";
        for (int q = 0; q < 400; q++) {
            StringBuilder query = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                query.append(letters.charAt(random.nextInt(letters.length())));
            }
            assertSame(search, query.toString());
        }
    }

    @Test
    void anItemMissesWhenOneTermIsAbsent() {
        InstantSearch search = new InstantSearch(items, documents);
        assertThat(search.search("github")).isNotEmpty();
        assertThat(search.search("github nowhere")).isEmpty();
        assertThat(search.search("github")).isNotEmpty();
    }

    private void assertSame(InstantSearch search, String query) {
        List<String> expected = new ArrayList<>();
        for (SearchHit hit : SearchIndex.of(documents).search(query, documents.size())) {
            expected.add(hit.document().id());
        }
        List<String> actual = search.search(query).stream().map(ItemSummary::ref).toList();
        assertThat(actual).as("query '%s'", query).isEqualTo(expected);
    }
}

package dev.strongroom.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static SearchDocument doc(
            String id, String name, String username, String url, String... tags) {
        return new SearchDocument(
                id,
                ItemType.LOGIN,
                name,
                username,
                url == null ? List.of() : List.of(url),
                List.of(tags),
                null,
                List.of());
    }

    private final SearchIndex index =
            SearchIndex.of(
                    List.of(
                            doc("1", "GitHub", "alice", "https://github.com", "code"),
                            doc("2", "GitLab (work)", "bob", "https://gitlab.example.com"),
                            doc(
                                    "3",
                                    "Personal wiki",
                                    "git-user",
                                    "https://wiki.example.org",
                                    "docs"),
                            doc("4", "Bank", "carol", "https://bank.example", "finance"),
                            doc("5", "Café menu", null, null, "food"),
                            doc("6", "digit", null, null)));

    @Test
    void nameMatchesRankAboveOtherFields() {
        assertThat(ids(index.search("git", 10))).containsExactly("1", "2", "6", "3");
    }

    @Test
    void caseAccentAndTokenPrefix() {
        assertThat(ids(index.search("GITHUB", 10))).containsExactly("1");
        assertThat(ids(index.search("cafe", 10))).containsExactly("5");
        assertThat(ids(index.search("CAFÉ", 10))).containsExactly("5");
        assertThat(ids(index.search("work", 10))).containsExactly("2");
    }

    @Test
    void everyTermMustMatch() {
        assertThat(ids(index.search("git example", 10))).containsExactly("2", "3");
        assertThat(ids(index.search("git finance", 10))).isEmpty();
    }

    @Test
    void searchesUsernamesUrlsTagsFieldsAndType() {
        assertThat(ids(index.search("carol", 10))).containsExactly("4");
        assertThat(ids(index.search("bank.example", 10))).containsExactly("4");
        assertThat(ids(index.search("docs", 10))).containsExactly("3");
        assertThat(index.search("login", 10)).hasSize(6);
    }

    @Test
    void blankQueryListsAllByNameAndLimitApplies() {
        assertThat(ids(index.search("  ", 3))).containsExactly("4", "5", "6");
    }

    @Test
    void putReplacesAndRemoveDeletes() {
        index.put(doc("4", "Savings", "carol", null));
        assertThat(ids(index.search("bank", 10))).isEmpty();
        assertThat(ids(index.search("savings", 10))).containsExactly("4");
        index.remove("4");
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void documentsFromItemsHoldNoSecretValues() {
        List<SearchDocument> docs = new ArrayList<>();
        for (ItemType type : ItemType.values()) {
            ItemContent item = ItemSamples.item(type);
            docs.add(SearchDocument.of(type.name(), item));
        }
        SearchIndex items = SearchIndex.of(docs);
        assertThat(ids(items.search("alice@example", 10))).containsExactly("LOGIN");
        assertThat(ids(items.search("db.internal", 10))).containsExactly("DATABASE");
        assertThat(ids(items.search("database_url", 10))).containsExactly("ENVIRONMENT");
        assertThat(items.search("PIN", 10)).hasSize(ItemType.values().length);
        // secret values are not indexed
        assertThat(items.search("correct horse", 10)).isEmpty();
        assertThat(items.search("4321", 10)).isEmpty();
        assertThat(items.search("postgres://db", 10)).isEmpty();
        assertThat(docs.toString()).doesNotContain("correct horse").doesNotContain("4321");
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.document().id()).toList();
    }
}

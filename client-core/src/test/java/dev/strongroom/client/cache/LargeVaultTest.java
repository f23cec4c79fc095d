package dev.strongroom.client.cache;

import static dev.strongroom.client.cache.CacheFixture.TEAM;
import static dev.strongroom.client.cache.CacheFixture.VAULT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.vault.ItemRevision;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10,000-item vault: written in one batch, listed with one query along the primary key (no table
 * scan, no sort, no per-row query). Timings are printed to the surefire output; the bounds asserted
 * are loose so a loaded CI machine does not flake, the query plan is the real check.
 */
class LargeVaultTest {

    private static final int ITEMS = 10_000;

    @TempDir Path dir;

    private final CacheFixture fx = new CacheFixture();

    /** ~1 KiB ciphertext per item; the cache never checks signatures, so random ones do. */
    private static CachedItem item(int i) {
        byte[] wrapped = Randoms.bytes(72);
        byte[] content = Randoms.bytes(1024);
        ItemRevision r =
                ItemRevision.of(
                        TEAM,
                        VAULT,
                        String.format("item-%05d", i),
                        1,
                        1,
                        wrapped,
                        content,
                        false,
                        "author",
                        2);
        return CachedItem.of(r, wrapped, content, Randoms.bytes(64));
    }

    @Test
    void tenThousandItemsAreWrittenAndListedQuickly() throws Exception {
        Path file = dir.resolve("cache.db");
        List<CachedItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(item(i));
        }
        CacheBatch.Builder batch = fx.base(2);
        items.forEach(batch::item);
        CacheBatch built = batch.build();
        try (LocalCache cache = CacheFixture.open(file)) {
            long t0 = System.nanoTime();
            cache.apply(built);
            long applied = System.nanoTime() - t0;
            System.out.printf("apply 10,000 items in one batch: %d ms%n", applied / 1_000_000);
        }
        long listed = Long.MAX_VALUE;
        long t0 = System.nanoTime();
        try (LocalCache cache = CacheFixture.open(file)) {
            long opened = System.nanoTime() - t0;
            System.out.printf("open (integrity check, pins): %d ms%n", opened / 1_000_000);
            for (int round = 0; round < 3; round++) {
                long t1 = System.nanoTime();
                List<CachedItem> read = cache.items(VAULT);
                listed = Math.min(listed, System.nanoTime() - t1);
                assertThat(read).hasSize(ITEMS);
                assertThat(read.get(0)).isEqualTo(items.get(0));
                assertThat(read.get(ITEMS - 1)).isEqualTo(items.get(ITEMS - 1));
            }
        }
        System.out.printf("list 10,000 items (best of 3): %d ms%n", listed / 1_000_000);
        assertThat(listed / 1_000_000).isLessThan(2_000);
    }

    @Test
    void listingAndHistoryAreIndexRangeScansWithoutSorting() throws Exception {
        Path file = dir.resolve("cache.db");
        CacheFixture.open(file).close();
        try (Connection c = CacheFixture.jdbc(file)) {
            assertThat(plan(c, ContentRows.ITEMS_OF_VAULT, 1))
                    .contains("SEARCH item USING INDEX")
                    .doesNotContain("TEMP B-TREE")
                    .doesNotContain("SCAN");
            assertThat(plan(c, ContentRows.HISTORY_OF_ITEM, 2))
                    .contains("SEARCH item_history USING INDEX")
                    .doesNotContain("TEMP B-TREE")
                    .doesNotContain("SCAN");
        }
    }

    private static String plan(Connection c, String sql, int params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= params; i++) {
                ps.setString(i, "x");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
            return plan.toString();
        }
    }
}

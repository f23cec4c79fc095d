package dev.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.server.db.Database;
import dev.strongroom.server.testing.Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records of reads are queued, not waited for: they must still all land in one exact chain,
 * interleaved with waited-for writes, be visible to the next audit query, and be committed when the
 * database closes (SIGTERM) rather than dropped.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class DetachedAuditTest {

    @Parameter Backend backend;
    @TempDir Path dir;

    @Test
    void queuedReadRecordsJoinTheChainAndAreSeenByTheNextQuery() throws Exception {
        try (Database db = backend.freshDatabase(dir)) {
            AuditLog audit = new AuditLog(db).install();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                done.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 200; i++) {
                                        AuditEvent e = event("t" + thread + "-" + i);
                                        if (i % 50 == 0) {
                                            audit.record(e); // a waited-for write in between
                                        } else {
                                            audit.recordRead(e);
                                        }
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            List<String> details = new ArrayList<>();
            audit.forEach(e -> details.add(e.detail()));
            assertThat(details).hasSize(1200).doesNotHaveDuplicates();
            for (int t = 0; t < 6; t++) {
                String prefix = "t" + t + "-";
                List<String> mine = details.stream().filter(d -> d.startsWith(prefix)).toList();
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    expected.add(prefix + i);
                }
                assertThat(mine).as("one thread's records keep its order").isEqualTo(expected);
            }
            assertThat(audit.verify().ok()).isTrue();
        }
    }

    @Test
    void closingCommitsQueuedRecordsInsteadOfDroppingThem() {
        if (backend != Backend.SQLITE) {
            return; // reopening needs the same database; the SQLite file shows it plainly
        }
        try (Database db = backend.freshDatabase(dir)) {
            AuditLog audit = new AuditLog(db).install();
            for (int i = 0; i < 500; i++) {
                audit.recordRead(event("r" + i));
            }
        }
        try (Database db = Database.openSqlite(dir)) {
            AuditLog audit = new AuditLog(db).install();
            long[] count = {0};
            audit.forEach(e -> count[0]++);
            assertThat(count[0]).isEqualTo(500);
            assertThat(audit.verify().ok()).isTrue();
        }
    }

    private static AuditEvent event(String detail) {
        return AuditEvent.of("item.read", Actor.system()).detail(detail).build();
    }
}

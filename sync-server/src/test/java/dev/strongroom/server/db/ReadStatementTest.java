package dev.strongroom.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.server.testing.Backend;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Single-statement reads run in auto-commit mode and admit exactly one statement. */
class ReadStatementTest {

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void oneStatementRunsInAutoCommitAndASecondIsRefused(Backend backend) {
        try (Database db = backend.freshDatabase(dir)) {
            boolean autoCommit = db.readStatement(tx -> tx.connection().getAutoCommit());
            long answer = db.readStatement(tx -> tx.queryLong("SELECT 41 + 1"));
            assertThat(autoCommit).isTrue();
            assertThat(answer).isEqualTo(42);
            assertThatThrownBy(
                            () ->
                                    db.readStatement(
                                            tx -> {
                                                tx.queryLong("SELECT 1");
                                                return tx.queryLong("SELECT 2");
                                            }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("second statement");
            // the pool hands the connection back as it was: reads are transactions again
            for (int i = 0; i < 8; i++) {
                boolean inTransaction = !db.read(tx -> tx.connection().getAutoCommit());
                long two = db.read(tx -> tx.queryLong("SELECT 1") + tx.queryLong("SELECT 1"));
                assertThat(inTransaction).isTrue();
                assertThat(two).isEqualTo(2);
            }
        }
    }
}

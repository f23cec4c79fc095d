package dev.strongroom.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Dialect;
import dev.strongroom.server.testing.Backend;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class AuditChainTest {

    @Parameter Backend backend;
    @TempDir Path dir;

    private Database db;
    private AuditLog audit;

    @BeforeEach
    void setUp() {
        db = backend.freshDatabase(dir);
        audit = new AuditLog(db).install();
        for (int i = 0; i < 6; i++) {
            audit.record(
                    AuditEvent.of("item.write", Actor.account("acc-" + i, "127.0.0.1"))
                            .team("team-1")
                            .target("item", "item-" + i)
                            .detail("revision=" + i)
                            .build());
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void intactChainVerifies() {
        AuditVerification v = audit.verify();
        assertThat(v.ok()).as(v.problem()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(6);
        assertThat(v.lastVerifiedSeq()).isEqualTo(6);
    }

    @Test
    void eventsInsideAWriteTransactionCommitWithIt() {
        assertThatThrownBy(
                        () ->
                                db.write(
                                        tx -> {
                                            tx.audit(AuditEvent.of("x", Actor.system()).build());
                                            throw new IllegalStateException("rolled back");
                                        }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(audit.verify().eventsChecked()).isEqualTo(6);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        assertThatThrownBy(() -> exec("UPDATE audit_events SET detail = 'x' WHERE seq = 2"))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> exec("DELETE FROM audit_events WHERE seq = 2"))
                .isInstanceOf(Exception.class);
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void anEditedEventIsDetected() {
        tamper("UPDATE audit_events SET detail = 'revision=99' WHERE seq = 3");
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("altered");
    }

    @Test
    void anEditedActorOrTimeIsDetected() {
        tamper("UPDATE audit_events SET actor_id = 'someone-else', at = at + 1 WHERE seq = 5");
        assertThat(audit.verify().firstBadSeq()).isEqualTo(5);
    }

    @Test
    void aDeletedEventIsDetected() {
        tamper("DELETE FROM audit_events WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
    }

    @Test
    void deletingTheNewestEventsIsDetected() {
        tamper("DELETE FROM audit_events WHERE seq >= 5");
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).contains("deleted from the end");
    }

    @Test
    void reorderedEventsAreDetected() {
        // swap the content of events 2 and 4, keeping their seq numbers and hashes in place
        tamper("UPDATE audit_events SET seq = -2 WHERE seq = 2");
        tamper("UPDATE audit_events SET seq = 2 WHERE seq = 4");
        tamper("UPDATE audit_events SET seq = 4 WHERE seq = -2");
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
    }

    @Test
    void aRecomputedRowStillBreaksTheNextLink() {
        // an attacker who rewrites one event and recomputes its hash breaks the following link
        tamper("UPDATE audit_events SET detail = 'forged' WHERE seq = 3");
        ChainedEvent[] third = new ChainedEvent[1];
        audit.forEach(
                e -> {
                    if (e.seq() == 3) {
                        third[0] = e;
                    }
                });
        byte[] recomputed = third[0].expectedHash();
        db.writeRaw(
                c -> {
                    disableTriggers(c);
                    try (var ps =
                            c.prepareStatement(
                                    "UPDATE audit_events SET event_hash = ? WHERE seq = 3")) {
                        ps.setBytes(1, recomputed);
                        ps.executeUpdate();
                    }
                    return null;
                });
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(4);
    }

    @Test
    void appendingAfterVerificationExtendsTheSameChain() {
        audit.record(AuditEvent.of("after", Actor.anonymous("10.0.0.1")).failure("bad").build());
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(7);
        assertThat(audit.page(new AuditQuery(null, null, "after", null, null, null, 0, 10)))
                .singleElement()
                .satisfies(e -> assertThat(e.result()).isEqualTo("failure"));
    }

    private void exec(String sql) {
        db.writeRaw(
                c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(sql);
                    }
                    return null;
                });
    }

    private void tamper(String sql) {
        db.writeRaw(
                c -> {
                    disableTriggers(c);
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(sql);
                    }
                    return null;
                });
    }

    private void disableTriggers(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            if (db.dialect() == Dialect.SQLITE) {
                s.execute("DROP TRIGGER IF EXISTS audit_events_no_update");
                s.execute("DROP TRIGGER IF EXISTS audit_events_no_delete");
            } else {
                s.execute("ALTER TABLE audit_events DISABLE TRIGGER USER");
            }
        }
    }
}

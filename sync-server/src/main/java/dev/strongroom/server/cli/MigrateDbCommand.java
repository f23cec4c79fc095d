package dev.strongroom.server.cli;

import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.audit.AuditVerification;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DatabaseCopier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-db --from <sqlite dir> --to <postgres url>}: copies an installation to PostgreSQL
 * with its audit chain intact, verifies the chain on both sides, and records the migration as an
 * audit event on the target. Stop the server first.
 */
@Command(
        name = "migrate-db",
        description =
                "Copy a SQLite installation into an empty PostgreSQL database (stop the server"
                        + " first).")
final class MigrateDbCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, description = "SQLite data directory.")
    Path from;

    @Option(names = "--to", required = true, description = "PostgreSQL JDBC URL.")
    String to;

    @Option(names = "--to-user", description = "PostgreSQL user.")
    String toUser;

    @Option(
            names = "--to-password",
            description = "PostgreSQL password (prefer STRONGROOM_TO_PASSWORD).")
    String toPassword;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(from.resolve("strongroom.db"))) {
            err.println("no Strongroom database in " + from);
            return 1;
        }
        try (Database source = Database.openSqlite(from);
                Database target = Database.openPostgres(to, toUser, toPassword, 2)) {
            source.migrate();
            AuditVerification before = new AuditLog(source).verify();
            if (!before.ok()) {
                err.println("source audit chain is broken, not migrating: " + before.problem());
                return 1;
            }
            target.migrate();
            Map<String, Long> counts = DatabaseCopier.copy(source, target);
            AuditLog targetAudit = new AuditLog(target).install();
            targetAudit.record(
                    AuditEvent.of("db.migrated", Actor.system())
                            .detail("from=sqlite events=" + before.eventsChecked())
                            .build());
            AuditVerification after = targetAudit.verify();
            counts.forEach((table, n) -> out.printf("  %-30s %d rows%n", table, n));
            if (!after.ok()) {
                err.println("target audit chain does not verify: " + after.problem());
                return 1;
            }
            out.printf(
                    "migrated; audit chain intact on the target (%d events, head %s)%n",
                    after.eventsChecked(), after.lastVerifiedHashHex());
            return 0;
        }
    }
}

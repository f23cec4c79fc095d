package dev.strongroom.server.cli;

import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.audit.AuditVerification;
import dev.strongroom.server.db.Database;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit verify}: checks the audit chain of a database. */
@Command(
        name = "audit",
        description = "Audit log maintenance.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    @Command(
            name = "verify",
            description =
                    "Verify the audit hash chain; exit 0 when intact, 1 when an event was edited,"
                            + " deleted or reordered.")
    static final class Verify implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (Database database = Databases.open(db)) {
                database.migrate();
                AuditVerification result = new AuditLog(database).verify();
                PrintWriter out = spec.commandLine().getOut();
                if (result.ok()) {
                    out.printf(
                            "audit chain intact: %d events, head seq %d, head hash %s%n",
                            result.eventsChecked(),
                            result.lastVerifiedSeq(),
                            result.lastVerifiedHashHex());
                    return 0;
                }
                spec.commandLine()
                        .getErr()
                        .printf(
                                "audit chain BROKEN: %s (verified up to seq %d)%n",
                                result.problem(), result.lastVerifiedSeq());
                return 1;
            }
        }
    }
}

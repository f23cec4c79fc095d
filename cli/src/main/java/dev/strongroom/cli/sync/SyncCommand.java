package dev.strongroom.cli.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.VaultCall;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom sync}: pull and verify, push the queued changes, pull again; prints what moved.
 * Exit 5 when conflicts wait to be resolved, 1 when the server cannot be reached. A team whose
 * recovery key was used and not yet re-keyed gets a SECURITY NOTICE line on stderr every time.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Pull, push queued changes, and say what happened.")
public final class SyncCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {pulled:{logEntries,items,vaults},pushed:{accepted,conflicts},sync:{offline,queued,conflicts},recoveryNotices:[{teamId,teamName,uses,unchecked}]}.")
    boolean json;

    @Override
    public Integer call() {
        ObjectNode data = VaultCall.of(spec).quietAboutConflicts().call("sync");
        JsonNode pulled = data.path("pulled");
        JsonNode pushed = data.path("pushed");
        int open = data.path("sync").path("conflicts").asInt();
        Output.result(
                VaultCall.out(spec),
                json,
                data,
                "pulled "
                        + pulled.path("items").asInt()
                        + " item revision(s) and "
                        + pulled.path("logEntries").asInt()
                        + " log entr(ies) over "
                        + pulled.path("vaults").asInt()
                        + " vault(s); pushed "
                        + pushed.path("accepted").asInt()
                        + " change(s); "
                        + open
                        + " conflict(s) open");
        SyncNotices.print(spec.commandLine().getErr(), data.path("recoveryNotices"));
        if (open > 0) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "strongroom: conflict: "
                                    + open
                                    + " item(s) were changed on both sides; both versions are kept: see strongroom conflicts list");
            spec.commandLine().getErr().flush();
            return ExitCode.CONFLICT.code();
        }
        return 0;
    }
}

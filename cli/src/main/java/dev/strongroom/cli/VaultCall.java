package dev.strongroom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.client.account.ServerProfile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Sends a vault command to the agent of the chosen profile and reports its sync state on stderr:
 * {@code strongroom: offline: N change(s) queued} when the server could not be reached, and a
 * reminder while conflicts wait to be resolved. Data goes to stdout, notices never do.
 */
public final class VaultCall {

    private final CommandSpec spec;
    private final Map<String, String> args = new LinkedHashMap<>();
    private boolean conflictReminder = true;
    private boolean silent;

    private VaultCall(CommandSpec spec) {
        this.spec = spec;
    }

    public static VaultCall of(CommandSpec spec) {
        return new VaultCall(spec);
    }

    /** Adds an argument unless {@code value} is null. */
    public VaultCall arg(String name, Object value) {
        if (value != null) {
            args.put(name, String.valueOf(value));
        }
        return this;
    }

    /** For the conflict commands themselves: no reminder. */
    public VaultCall quietAboutConflicts() {
        conflictReminder = false;
        return this;
    }

    /** For a read that another call of the same command follows: no notices from this one. */
    public VaultCall silent() {
        silent = true;
        return this;
    }

    public ObjectNode call(String command) {
        return call(command, Map.of());
    }

    /** Runs the command; the caller owns (and wipes) the secrets. */
    public ObjectNode call(String command, Map<String, char[]> secrets) {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        ObjectNode data = AgentConnection.of(context, profile).call(command, args, secrets);
        if (!silent) {
            report(spec.commandLine().getErr(), data.path("sync"), conflictReminder);
        }
        return data;
    }

    static void report(PrintWriter err, JsonNode sync, boolean conflicts) {
        if (sync.path("offline").asBoolean(false)) {
            err.println(
                    "strongroom: offline: "
                            + sync.path("queued").asInt()
                            + " change(s) queued; working from the local cache");
        }
        int open = sync.path("conflicts").asInt(0);
        if (conflicts && open > 0) {
            err.println(
                    "strongroom: "
                            + open
                            + " conflict(s) to resolve: see strongroom conflicts list");
        }
        err.flush();
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }
}

package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Builds the agent operations that work on the vaults: they need the unlocked session, refresh the
 * cache first when asked (pull, then push the outbox; offline they go on from the cache), and
 * attach the sync state ({@code "sync":{"offline","queued","conflicts"}}) to every reply.
 */
final class VaultOperation {

    /** What a vault operation does with the open vault session. */
    interface Body {
        ObjectNode run(VaultSession vault, AgentRequest request);
    }

    private VaultOperation() {}

    static AgentOperation of(
            Set<String> required, Set<String> optional, Set<String> secrets, Body body) {
        return new AgentOperation(
                required,
                optional,
                secrets,
                true,
                (host, request) -> {
                    VaultSession vault = host.vault();
                    vault.refresh();
                    ObjectNode data = body.run(vault, request);
                    data.set("sync", vault.syncState());
                    return data;
                });
    }

    static boolean flag(AgentRequest request, String name) {
        return "true".equals(request.arg(name).orElse("false"));
    }

    static int intArg(AgentRequest request, String name, int fallback, int min, int max) {
        String value = request.arg(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new dev.strongroom.cli.CliException(
                    dev.strongroom.cli.ExitCode.USAGE,
                    name + " must be a whole number from " + min + " to " + max);
        }
    }
}

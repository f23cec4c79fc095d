package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom vault unshare}: Revoke a member's access to a vault and rotate its key. */
@Command(
        name = "unshare",
        mixinStandardHelpOptions = true,
        description = "Revoke a member's access to a vault and rotate its key.")
public final class VaultUnshareCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or name.")
    String vault;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The member.")
    String email;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "vault.unshare", "vault", vault, "email", email);
        return TeamCalls.print(
                spec,
                json,
                d,
                "unshared "
                        + vault
                        + " from "
                        + email
                        + (d.path("rotated").asBoolean()
                                ? "; key rotated"
                                : "; key rotation is still due"));
    }
}

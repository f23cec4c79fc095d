package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom vault share}: Grant a vault to a team member (read or write). */
@Command(
        name = "share",
        mixinStandardHelpOptions = true,
        description = "Grant a vault to a team member (read or write).")
public final class VaultShareCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or name.")
    String vault;

    @Parameters(index = "1", paramLabel = "EMAIL", description = "The member.")
    String email;

    @Option(names = "--permission", defaultValue = "read", description = "read (default) or write.")
    String permission;

    @Override
    public Integer call() {
        ObjectNode d =
                TeamCalls.call(
                        spec,
                        "vault.share",
                        "vault",
                        vault,
                        "email",
                        email,
                        "permission",
                        permission);
        return TeamCalls.print(
                spec, json, d, "shared " + vault + " with " + email + " (" + permission + ")");
    }
}

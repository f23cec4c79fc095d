package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom vault rotate-key}: Rotate a vault key (new version to every grantee, item keys
 * re-wrapped).
 */
@Command(
        name = "rotate-key",
        mixinStandardHelpOptions = true,
        description = "Rotate a vault key (new version to every grantee, item keys re-wrapped).")
public final class VaultRotateKeyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or name.")
    String vault;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "vault.rotate-key", "vault", vault);
        return TeamCalls.print(
                spec, json, d, "vault key is now version " + d.path("keyVersion").asInt());
    }
}

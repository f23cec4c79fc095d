package dev.strongroom.cli.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strongroom vault members}: List who holds a vault, with which permission. */
@Command(
        name = "members",
        mixinStandardHelpOptions = true,
        description = "List who holds a vault, with which permission.")
public final class VaultMembersCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "VAULT", description = "Vault id or name.")
    String vault;

    @Override
    public Integer call() {
        ObjectNode d = TeamCalls.call(spec, "vault.members", "vault", vault);
        StringBuilder text = new StringBuilder();
        d.path("members")
                .fields()
                .forEachRemaining(
                        e ->
                                text.append(e.getKey())
                                        .append("  ")
                                        .append(e.getValue().asText())
                                        .append("\n"));
        return TeamCalls.print(spec, json, d, text.toString().strip());
    }
}

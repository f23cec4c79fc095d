package dev.strongroom.cli.totp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.cli.VaultCall;
import dev.strongroom.client.totp.Totp;
import dev.strongroom.client.totp.TotpKey;
import dev.strongroom.crypto.common.Bytes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom totp ITEM}: the current RFC 6238 code of a login item's TOTP secret (computed
 * in the agent: the seed never leaves it). {@code strongroom totp --secret-stdin}: the code for a
 * Base32 secret or an otpauth:// URI read from standard input, offline.
 */
@Command(
        name = "totp",
        mixinStandardHelpOptions = true,
        description = "Print the current TOTP code of an item, or of a secret read from stdin.")
public final class TotpCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ITEM", description = "Login item id or unique name.")
    String item;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for ITEM in this vault only.")
    String vault;

    @Option(
            names = "--secret-stdin",
            description = "Read the Base32 secret or otpauth:// URI from standard input.")
    boolean secretStdin;

    @Option(names = "--json", description = "Print JSON: {code, secondsRemaining}.")
    boolean json;

    @Override
    public Integer call() {
        if ((item == null) == !secretStdin) {
            throw new CliException(ExitCode.USAGE, "give either ITEM or --secret-stdin");
        }
        String code;
        long remaining;
        if (item != null) {
            ObjectNode data =
                    VaultCall.of(spec).arg("item", item).arg("vault", vault).call("item.totp");
            code = data.path("code").asText();
            remaining = data.path("secondsRemaining").asLong();
        } else {
            char[] text = SecretInput.readLine(System.in);
            TotpKey key;
            try {
                key = TotpKey.parse(text);
            } finally {
                Bytes.wipe(text);
            }
            Instant now = Instant.now();
            code = Totp.code(key, now);
            remaining = Totp.secondsRemaining(key, now);
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("code", code);
            result.put("secondsRemaining", remaining);
            Output.json(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println(code);
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK.code();
    }
}

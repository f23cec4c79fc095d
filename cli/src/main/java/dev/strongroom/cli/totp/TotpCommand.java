package dev.strongroom.cli.totp;

import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.SecretInput;
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
import picocli.CommandLine.Spec;

/**
 * {@code strongroom totp --secret-stdin}: the current RFC 6238 code for a Base32 secret or an
 * otpauth:// URI read from standard input (the secret never appears in the process list).
 */
@Command(
        name = "totp",
        mixinStandardHelpOptions = true,
        description = "Print the current TOTP code for a secret read from stdin.")
public final class TotpCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--secret-stdin",
            required = true,
            description = "Read the Base32 secret or otpauth:// URI from standard input.")
    boolean secretStdin;

    @Option(names = "--json", description = "Print JSON: {code, secondsRemaining}.")
    boolean json;

    @Override
    public Integer call() {
        char[] text = SecretInput.readLine(System.in);
        TotpKey key;
        try {
            key = TotpKey.parse(text);
        } finally {
            Bytes.wipe(text);
        }
        Instant now = Instant.now();
        String code = Totp.code(key, now);
        long remaining = Totp.secondsRemaining(key, now);
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

package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import dev.strongroom.client.automation.AutomationInputException;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.model.wire.MachineTokens;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How a headless command authenticates: a machine token from {@code STRONGROOM_TOKEN} or {@code
 * --token-file}, and the server from {@code --server-url} / {@code STRONGROOM_SERVER_URL} (with
 * {@code STRONGROOM_TLS_PIN} for a self-signed server), else the {@code --server} or current
 * profile of the config dir, which is only read. No prompt, no master password, nothing written.
 */
public final class MachineOptions {

    static final String ENV_TOKEN = "STRONGROOM_TOKEN";
    static final String ENV_SERVER_URL = "STRONGROOM_SERVER_URL";
    static final String ENV_TLS_PIN = "STRONGROOM_TLS_PIN";
    private static final int MAX_TOKEN_FILE = 4096;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "Read the machine token from FILE (default: $STRONGROOM_TOKEN).")
    Path tokenFile;

    @Option(
            names = "--server-url",
            paramLabel = "URL",
            description = "Server URL (default: $STRONGROOM_SERVER_URL, else the server profile).")
    String serverUrl;

    /** Opens the machine's verified session; failures are one line with the documented code. */
    MachineSession open(CommandSpec spec) {
        CliContext context = CliContext.of(spec);
        ServerEndpoint endpoint = endpoint(context);
        try (MachineToken token = token(context)) {
            return MachineSession.open(ApiTransport.connect(endpoint), token, Clock.systemUTC());
        } catch (AuthenticationException e) {
            throw refused(e);
        }
    }

    /** The one line for a refused machine token: revoked, expired, or not accepted. */
    static CliException refused(AuthenticationException e) {
        String why =
                switch (String.valueOf(e.wireCode())) {
                    case MachineTokens.TOKEN_REVOKED -> "the machine token was revoked";
                    case MachineTokens.TOKEN_EXPIRED -> "the machine token has expired";
                    default -> "the server did not accept the machine token";
                };
        return new CliException(ExitCode.AUTHENTICATION, why);
    }

    private ServerEndpoint endpoint(CliContext context) {
        String url = serverUrl != null ? serverUrl : context.env(ENV_SERVER_URL);
        if (url == null) {
            try {
                return context.profile().endpoint();
            } catch (CliException e) {
                if (e.exitCode() != ExitCode.ERROR) {
                    throw e; // an unknown --server profile: its own message
                }
                // No profile at all, as in a CI job: name the variable it most likely forgot.
                throw new CliException(
                        ExitCode.USAGE,
                        "no server URL: set "
                                + ENV_SERVER_URL
                                + " or pass --server-url (or add a server profile)");
            }
        }
        String pin = context.env(ENV_TLS_PIN);
        try {
            return ServerEndpoint.of(url, pin == null ? null : TlsPin.parse(pin));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    private MachineToken token(CliContext context) {
        char[] text = null;
        try {
            if (tokenFile != null) {
                text = readFile(tokenFile);
            } else {
                String fromEnv = context.env(ENV_TOKEN);
                if (fromEnv == null) {
                    throw new CliException(
                            ExitCode.AUTHENTICATION,
                            "no machine token: set " + ENV_TOKEN + " or pass --token-file");
                }
                text = fromEnv.toCharArray();
            }
            return MachineToken.parse(text);
        } catch (AutomationInputException e) {
            throw new CliException(ExitCode.AUTHENTICATION, e.getMessage());
        } finally {
            Bytes.wipe(text);
        }
    }

    private static char[] readFile(Path file) {
        byte[] raw = null;
        try {
            if (Files.size(file) > MAX_TOKEN_FILE) {
                throw new CliException(ExitCode.AUTHENTICATION, "the token file is too large");
            }
            raw = Files.readAllBytes(file);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Bytes.wipe(chars.array());
            }
            return out;
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read the token file " + file);
        } finally {
            Bytes.wipe(raw);
        }
    }
}

package dev.strongroom.cli.account;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.account.Registration;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom register --email E [--password-stdin]}: creates an account on the current
 * server (Argon2id m=64 MiB t=3 p=4 by default). The password is asked twice on a terminal. It does
 * not log in.
 */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = "Create an account on the server (then run strongroom login).")
public final class RegisterCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--email", required = true, description = "Account email.")
    String email;

    @Option(
            names = "--password-stdin",
            description = "Read the new master password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--json", description = "Print JSON: {server, email, accountId, fingerprint}.")
    boolean json;

    @Mixin KdfOptions kdfOptions;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        String normalized = Unlocker.normalizeEmail(email);
        KdfParams kdf = kdfOptions.resolve(Argon2idParams.DEFAULT);
        char[] password = Passwords.chosen(passwordStdin, "New master password");
        Registration registration;
        try {
            registration =
                    new AccountService(new FileKdfPinStore(context.configDir()))
                            .register(
                                    ServerApi.connect(profile.endpoint()),
                                    normalized,
                                    password,
                                    kdf);
        } finally {
            Bytes.wipe(password);
        }
        String fingerprint = registration.publicBundle().fingerprint().digits();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("server", profile.name());
        data.put("email", registration.email());
        data.put("accountId", registration.accountId().toString());
        data.put("fingerprint", fingerprint);
        Output.result(
                spec.commandLine().getOut(),
                json,
                data,
                "registered "
                        + registration.email()
                        + " on "
                        + profile.name()
                        + "\nfingerprint: "
                        + fingerprint
                        + "\nnext: strongroom login --email "
                        + registration.email());
        return ExitCode.OK.code();
    }
}

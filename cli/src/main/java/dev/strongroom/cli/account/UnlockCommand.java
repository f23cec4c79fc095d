package dev.strongroom.cli.account;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom unlock [--password-stdin] [--idle T]}: as {@code login}, for the account this
 * device last logged in to on the profile. The password is proven to the server afresh (SRP):
 * nothing that could unlock the vault is kept on disk between sessions.
 */
@Command(
        name = "unlock",
        mixinStandardHelpOptions = true,
        description = "Unlock the account last logged in to on this server profile.")
public final class UnlockCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--email", description = "Account email (default: the remembered one).")
    String email;

    @Option(
            names = "--password-stdin",
            description = "Read the master password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
            names = "--idle",
            paramLabel = "T",
            description =
                    "Auto-lock after this long without use: minutes (15, 0.5) or 90s/15m/2h"
                            + " (default: $STRONGROOM_IDLE_MINUTES, else 15).")
    String idle;

    @Option(names = "--json", description = "Print the agent status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        return Unlocker.unlock(spec, email, passwordStdin, null, idle, json);
    }
}

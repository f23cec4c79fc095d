package dev.strongroom.cli.account;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom login --email E [--password-stdin] [--device NAME] [--idle T]}: logs in with
 * SRP, unlocks the account, and keeps it unlocked in a background agent until {@code lock}, {@code
 * logout} or the idle timeout.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = "Log in and unlock; the keys stay in a local agent until lock or idle.")
public final class LoginCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--email", required = true, description = "Account email.")
    String email;

    @Option(
            names = "--password-stdin",
            description = "Read the master password from the first line of standard input.")
    boolean passwordStdin;

    @Option(
            names = "--device",
            paramLabel = "NAME",
            description = "Name of this device in the session list (default: host name).")
    String device;

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
        return Unlocker.unlock(spec, email, passwordStdin, device, idle, json);
    }
}

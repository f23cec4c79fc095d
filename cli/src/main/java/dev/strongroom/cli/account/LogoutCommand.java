package dev.strongroom.cli.account;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.agent.AgentConnection;
import dev.strongroom.client.account.ServerProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom logout}: ends the server session, wipes the keys, stops the agent and forgets
 * which account this device used on the profile (the next start is {@code login --email}).
 */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        description = "End the server session, lock, and forget the account on this profile.")
public final class LogoutCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON: {profile, state, wasUnlocked}.")
    boolean json;

    @Override
    public Integer call() {
        CliContext context = CliContext.of(spec);
        ServerProfile profile = context.profile();
        AccountMemory memory = new AccountMemory(context.configDir());
        boolean wasUnlocked = true;
        try {
            AgentConnection.of(context, profile).call("logout", Map.of(), Map.of());
        } catch (CliException e) {
            if (!ErrorReporter.LOCKED.equals(e.getMessage())) {
                memory.forget(profile);
                throw e;
            }
            wasUnlocked = false;
        }
        memory.forget(profile);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", profile.name());
        data.put("state", "logged-out");
        data.put("wasUnlocked", wasUnlocked);
        Output.result(
                spec.commandLine().getOut(),
                json,
                data,
                wasUnlocked
                        ? "logged out"
                        : "logged out (the vault was locked: no session was open on this device)");
        return ExitCode.OK.code();
    }
}

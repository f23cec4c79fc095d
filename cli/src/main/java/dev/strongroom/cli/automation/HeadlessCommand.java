package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.automation.AutomationInputException;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.automation.headless.UnresolvedReferenceException;
import dev.strongroom.client.automation.headless.WriteNotGrantedException;
import dev.strongroom.client.item.ItemValidationException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape of every headless command: check the local input first ({@link #prepare()}: bad input
 * fails before any network call and before anything is written), then open the machine session and
 * run. Bad input exits 2, a reference to nothing this machine can see 4, a refused token 3, a write
 * to a vault the machine may only read 1 ({@code not allowed: ...}); each one line.
 */
abstract class HeadlessCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin MachineOptions machine;

    @Option(names = "--json", description = "Structured output as JSON.")
    boolean json;

    /** Parses and checks the command's own input; nothing remote yet. */
    void prepare() {}

    abstract int run(MachineSession session) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            prepare();
            try (MachineSession session = machine.open(spec)) {
                return run(session);
            }
        } catch (AutomationInputException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (UnresolvedReferenceException e) {
            throw new CliException(ExitCode.NOT_FOUND, "not found: " + e.getMessage());
        } catch (AuthenticationException e) {
            throw MachineOptions.refused(e);
        } catch (WriteNotGrantedException e) {
            // the same code and prefix as the server's 403 (ErrorReporter), which backs it up
            throw new CliException(ExitCode.ERROR, "not allowed: " + e.getMessage());
        } catch (ItemValidationException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}

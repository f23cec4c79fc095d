package dev.strongroom.cli.recovery;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom recovery ...}: break-glass recovery (M-of-N approvers, paper shares, kit). */
@Command(
        name = "recovery",
        mixinStandardHelpOptions = true,
        description =
                "Break-glass recovery: setup, status, enrol, request, pending, approve, deny, veto,"
                        + " combine, rekey, share-export, kit.",
        subcommands = {
            RecoverySetupCommand.class,
            RecoveryStatusCommand.class,
            RecoveryEnrolCommand.class,
            RecoveryRequestCommand.class,
            RecoveryPendingCommand.class,
            RecoveryApproveCommand.class,
            RecoveryDenyCommand.class,
            RecoveryVetoCommand.class,
            RecoveryCombineCommand.class,
            RecoveryRekeyCommand.class,
            RecoveryShareExportCommand.class,
            RecoveryKitCommand.class
        })
public final class RecoveryCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}

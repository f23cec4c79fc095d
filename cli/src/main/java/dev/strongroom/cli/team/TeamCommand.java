package dev.strongroom.cli.team;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strongroom team ...}: teams, members, roles and out-of-band key verification. */
@Command(
        name = "team",
        mixinStandardHelpOptions = true,
        description =
                "Teams: create, list, invite, accept, join, members, remove, role, leave,"
                        + " fingerprint, verify, rename.",
        subcommands = {
            TeamCreateCommand.class,
            TeamListCommand.class,
            TeamInviteCommand.class,
            TeamAcceptCommand.class,
            TeamJoinCommand.class,
            TeamMembersCommand.class,
            TeamRemoveCommand.class,
            TeamRoleCommand.class,
            TeamLeaveCommand.class,
            TeamFingerprintCommand.class,
            TeamVerifyCommand.class,
            TeamRenameCommand.class
        })
public final class TeamCommand implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}

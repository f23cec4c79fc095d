package dev.strongroom.desktop.teams;

import dev.strongroom.client.sync.UnjoinedTeam;
import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.model.log.Role;

/** One line of the team list: a team this device synced, or one it was added to but not joined. */
record TeamRow(String teamId, String name, TeamInfo info, UnjoinedTeam unjoined) {

    static TeamRow of(TeamInfo info) {
        return new TeamRow(info.teamId(), info.name(), info, null);
    }

    static TeamRow of(UnjoinedTeam team) {
        return new TeamRow(team.teamId(), team.name(), null, team);
    }

    boolean joined() {
        return info != null;
    }

    /** Owners and admins manage members, machine accounts and read the audit log. */
    boolean administers() {
        return joined() && (info.myRole() == Role.OWNER || info.myRole() == Role.ADMIN);
    }

    @Override
    public String toString() {
        String label = name == null || name.isEmpty() ? "(unnamed team)" : name;
        if (!joined()) {
            return label + " · not joined, added by " + unjoined.addedBy().email();
        }
        return label
                + " · "
                + (info.myRole() == null ? "not a member" : Labels.role(info.myRole()))
                + " · "
                + info.members()
                + (info.members() == 1 ? " member" : " members");
    }
}

package dev.strongroom.desktop.audit;

import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.model.log.Role;
import java.util.Comparator;
import java.util.List;

/**
 * The teams whose audit log this account may read (it owns or administers them), in the order the
 * viewer offers them: teams shared with others first, since that is where an audit answers a
 * question (a one-person team, such as the personal one every account gets, logs only its owner),
 * then by name. The viewer opens on the first.
 */
final class AuditTeams {

    private AuditTeams() {}

    static List<TeamInfo> offered(List<TeamInfo> teams) {
        return teams.stream()
                .filter(t -> t.myRole() == Role.OWNER || t.myRole() == Role.ADMIN)
                .sorted(
                        Comparator.comparing((TeamInfo t) -> t.members() <= 1)
                                .thenComparing(
                                        t -> t.name() == null ? "" : t.name(),
                                        String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}

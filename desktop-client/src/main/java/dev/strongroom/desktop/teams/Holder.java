package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.TeamMember;
import dev.strongroom.model.log.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who holds a vault, with which permission. */
record Holder(String principalId, String label, Permission permission) {

    /** The grants by principal, named by member email (anything else is a machine account). */
    static List<Holder> named(Map<String, Permission> grants, List<TeamMember> members) {
        List<Holder> out = new ArrayList<>();
        grants.forEach(
                (id, p) -> {
                    String label =
                            members.stream()
                                    .filter(m -> m.accountId().equals(id))
                                    .map(TeamMember::email)
                                    .findFirst()
                                    .orElse("machine account " + id);
                    out.add(new Holder(id, label, p));
                });
        return out;
    }

    @Override
    public String toString() {
        return label + " · " + Labels.permission(permission);
    }
}

package dev.strongroom.desktop.audit;

import dev.strongroom.desktop.app.OpenAccount;
import java.util.ArrayList;
import java.util.List;

/** A "who" choice of the audit filter: a member or machine account of the team, or anyone. */
record Actor(String id, String label) {

    static final Actor ANYONE = new Actor(null, "Anyone");

    /** The team's members and machine accounts (worker thread: reads the verified log). */
    static List<Actor> ofTeam(OpenAccount account, String teamId) {
        List<Actor> actors = new ArrayList<>();
        account.teams()
                .members(teamId)
                .forEach(m -> actors.add(new Actor(m.accountId(), m.email())));
        account.machines()
                .list(teamId)
                .forEach(m -> actors.add(new Actor(m.machineId(), "machine " + m.name())));
        return actors;
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.strongroom.desktop.recovery;

import dev.strongroom.client.team.TeamInfo;
import javafx.util.StringConverter;

/** Shows teams by name in the window's team choice (which is never typed into). */
final class TeamNames extends StringConverter<TeamInfo> {

    @Override
    public String toString(TeamInfo t) {
        return t == null ? "" : t.name();
    }

    @Override
    public TeamInfo fromString(String s) {
        return null;
    }
}

package dev.strongroom.desktop.common;

import dev.strongroom.client.team.TeamInfo;
import javafx.util.StringConverter;

/** Shows teams by name in a window's team choice (which is never typed into). */
public final class TeamNames extends StringConverter<TeamInfo> {

    @Override
    public String toString(TeamInfo t) {
        return t == null ? "" : t.name();
    }

    @Override
    public TeamInfo fromString(String s) {
        return null;
    }
}

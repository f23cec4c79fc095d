package dev.strongroom.desktop.recovery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The printable paper share: a heading, the numbered words in columns (so a mistyped word is easy
 * to find) and what to do with the sheet. Black on white, independent of the app's theme.
 */
final class PaperShareSheet {

    static final int COLUMNS = 4;

    private PaperShareSheet() {}

    static Node build(String teamName, String holder, char[] words) {
        List<String> list = split(words);
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        int rows = (list.size() + COLUMNS - 1) / COLUMNS;
        for (int i = 0; i < list.size(); i++) {
            Label w = new Label((i + 1) + ". " + list.get(i));
            w.getStyleClass().add("paper-word");
            grid.add(w, i / rows, i % rows);
        }
        grid.setAccessibleText("Share words, " + list.size() + " in all");
        Label title = new Label("Strongroom recovery share · " + teamName);
        title.getStyleClass().add("paper-title");
        Label who = new Label("Held by " + holder + " · printed " + LocalDate.now());
        Label note =
                new Label(
                        "One share of the team's recovery key (SLIP-39). Alone it opens nothing."
                                + " Keep it offline; type the words back only into Strongroom"
                                + " when a recovery is approved.");
        note.setWrapText(true);
        note.setMaxWidth(460);
        VBox sheet = new VBox(12, title, who, grid, note);
        sheet.getStyleClass().add("paper-sheet");
        sheet.setId("paperSheet");
        sheet.setAccessibleText("Printable recovery share");
        return sheet;
    }

    /** Words separated by spaces; one String per word is what a Label needs. */
    static List<String> split(char[] words) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= words.length; i++) {
            boolean space = i == words.length || Character.isWhitespace(words[i]);
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                out.add(new String(words, start, i - start));
                start = -1;
            }
        }
        return out;
    }
}

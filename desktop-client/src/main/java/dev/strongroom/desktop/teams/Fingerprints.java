package dev.strongroom.desktop.teams;

import dev.strongroom.client.team.KeyFingerprint;
import java.util.List;
import javafx.scene.control.Label;

/** Lays a safety number out for reading aloud: 12 groups of digits and 12 words, in rows. */
final class Fingerprints {

    private Fingerprints() {}

    /** Fills a pair of labels with the digits (four groups a row) and the words (six a row). */
    static void show(KeyFingerprint fp, Label digits, Label words) {
        digits.setText(rows(List.of(fp.digits().split(" ")), 4));
        words.setText(rows(fp.words(), 6));
        digits.setAccessibleText("Safety number digits of " + fp.email() + ": " + fp.digits());
        words.setAccessibleText(
                "Safety number words of " + fp.email() + ": " + String.join(" ", fp.words()));
    }

    static void clear(Label digits, Label words) {
        digits.setText("");
        words.setText("");
    }

    private static String rows(List<String> parts, int perRow) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(i % perRow == 0 ? "\n" : "  ");
            }
            out.append(parts.get(i));
        }
        return out.toString();
    }
}

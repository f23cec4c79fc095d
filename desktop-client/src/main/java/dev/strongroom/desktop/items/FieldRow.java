package dev.strongroom.desktop.items;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.clipboard.ClipboardGuard;
import java.util.Arrays;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * One field of the detail pane: its name, its value (secrets masked until "Reveal" is pressed) and
 * a copy button. Node ids are {@code value-<field>}, {@code reveal-<field>}, {@code copy-<field>}.
 */
final class FieldRow {

    static final String MASK = "••••••••••";

    private FieldRow() {}

    /** A plain (non-secret) value with a copy button. */
    static void text(GridPane grid, int row, String key, String value, ClipboardGuard clipboard) {
        String title = TypeNames.field(key);
        Label name = new Label(title);
        Label shown = new Label(value);
        shown.setId("value-" + key);
        shown.setWrapText(true);
        shown.setAccessibleText(title + ": " + value);
        Button copy = new Button("Copy");
        copy.setId("copy-" + key);
        copy.setAccessibleText("Copy " + title.toLowerCase(java.util.Locale.ROOT));
        copy.setOnAction(e -> clipboard.copy(value));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        grid.addRow(row, name, shown, new Label(), copy);
    }

    /** A secret, masked; Reveal shows it (as a String in the label, unavoidably) until toggled. */
    static void secret(
            GridPane grid, int row, String key, String title, SecretText value, ClipboardGuard cb) {
        Label name = new Label(title);
        Label shown = new Label(MASK);
        shown.setId("value-" + key);
        shown.getStyleClass().add("mono");
        shown.setWrapText(true);
        shown.setAccessibleText(title + ", hidden");
        ToggleButton reveal = new ToggleButton("Reveal");
        reveal.setId("reveal-" + key);
        reveal.setAccessibleText("Reveal " + title.toLowerCase(java.util.Locale.ROOT));
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        reveal.selectedProperty()
                .addListener(
                        (o, was, on) -> {
                            if (on && !value.isWiped()) {
                                char[] chars = value.chars();
                                shown.setText(new String(chars));
                                Arrays.fill(chars, '\0');
                                shown.setAccessibleText(title + ", revealed");
                                reveal.setText("Hide");
                            } else {
                                shown.setText(MASK);
                                shown.setAccessibleText(title + ", hidden");
                                reveal.setText("Reveal");
                            }
                        });
        Button copy = new Button("Copy");
        copy.setId("copy-" + key);
        copy.setAccessibleText("Copy " + title.toLowerCase(java.util.Locale.ROOT));
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(
                e -> {
                    if (!value.isWiped()) {
                        cb.copy(value);
                    }
                });
        grid.addRow(row, name, shown, reveal, copy);
    }
}

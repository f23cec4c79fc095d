package dev.strongroom.desktop.items;

import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.FieldKind;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.clipboard.ClipboardGuard;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * One field of the detail pane: its name, its value (secrets masked until "Reveal" is pressed) and
 * a copy button. Node ids are {@code value-<field>}, {@code reveal-<field>}, {@code copy-<field>}.
 * Public so the break-glass combine step shows opened items exactly as the detail pane does.
 */
public final class FieldRow {

    static final String MASK = "••••••••••";

    private FieldRow() {}

    /**
     * Every field of {@code c} as rows of {@code grid}: type fields, then custom fields. The TOTP
     * secret is left out (callers show it as a live code); the rows share {@code c}'s secrets, so
     * they mask themselves again once {@code c} is closed.
     */
    public static void all(GridPane grid, ItemContent c, ClipboardGuard cb) {
        int row = 0;
        for (Map.Entry<String, Object> f : c.data().fieldValues().entrySet()) {
            row = typeField(grid, row, f.getKey(), f.getValue(), cb);
        }
        for (CustomField f : c.fields()) {
            if (f.kind() == FieldKind.HIDDEN) {
                secret(grid, row++, "field-" + f.name(), f.name(), f.value(), cb);
            } else {
                char[] chars = f.value().chars();
                text(grid, row++, "field-" + f.name(), new String(chars), cb);
                Arrays.fill(chars, '\0');
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static int typeField(
            GridPane grid, int row, String key, Object value, ClipboardGuard cb) {
        if (key.equals("totp")) {
            return row;
        }
        if (value instanceof SecretText secret) {
            secret(grid, row++, key, TypeNames.field(key), secret, cb);
        } else if (value instanceof List<?> list
                && !list.isEmpty()
                && list.get(0) instanceof EnvVar) {
            for (Object o : list) {
                EnvVar var = (EnvVar) o;
                secret(grid, row++, "env-" + var.name(), var.name(), var.value(), cb);
            }
        } else if (value instanceof List<?> list) {
            if (!list.isEmpty()) {
                text(grid, row++, key, String.join("\n", (List<String>) list), cb);
            }
        } else if (value != null) {
            text(grid, row++, key, value.toString(), cb);
        }
        return row;
    }

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

package dev.strongroom.desktop.items;

import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.item.ItemValidationException;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * KEY=VALUE rows: the name in plain text, the value in a masked {@link SecretField}. Rows with
 * neither name nor value are ignored; names are checked against the shell rule as they are typed.
 * Node ids are {@code envName-<n>}, {@code envValue-<n>}, {@code envRemove-<n>} (n from 0, in
 * creation order).
 */
final class EnvironmentEditor implements TypeEditor {

    @FXML private VBox rowsBox;
    @FXML private Button addVarButton;

    private final Parent view = Views.load(this, "environment-editor.fxml");
    private final List<Row> rows = new ArrayList<>();
    private int created;

    private record Row(HBox box, TextField name, SecretField value) {}

    EnvironmentEditor() {
        addVarButton.setOnAction(e -> addRow());
        addRow();
    }

    @Override
    public Parent view() {
        return view;
    }

    private Row addRow() {
        int n = created++;
        TextField name = new TextField();
        name.setId("envName-" + n);
        name.setPromptText("NAME");
        name.setAccessibleText("Variable name " + (n + 1));
        name.textProperty()
                .addListener(
                        (o, was, now) ->
                                name.pseudoClassStateChanged(
                                        INVALID, !now.isEmpty() && !EnvVar.isValidName(now)));
        SecretField value = new SecretField();
        value.setId("envValue-" + n);
        value.setAccessibleText("Value " + (n + 1) + ", hidden");
        HBox.setHgrow(value, Priority.ALWAYS);
        Button remove = new Button("Remove");
        remove.setId("envRemove-" + n);
        remove.setAccessibleText("Remove variable " + (n + 1));
        HBox box = new HBox(6, name, value, remove);
        Row row = new Row(box, name, value);
        remove.setOnAction(
                e -> {
                    value.wipe();
                    rows.remove(row);
                    rowsBox.getChildren().remove(box);
                });
        rows.add(row);
        rowsBox.getChildren().add(box);
        return row;
    }

    private static final javafx.css.PseudoClass INVALID =
            javafx.css.PseudoClass.getPseudoClass("invalid");

    @Override
    public void load(ItemData data) {
        rows.forEach(r -> r.value().wipe());
        rows.clear();
        rowsBox.getChildren().clear();
        created = 0;
        for (EnvVar var : ((EnvironmentSet) data).vars()) {
            Row row = addRow();
            row.name().setText(var.name());
            LoginEditor.fill(row.value(), var.value());
        }
        if (rows.isEmpty()) {
            addRow();
        }
    }

    @Override
    public ItemData build() {
        List<EnvVar> vars = new ArrayList<>();
        try {
            int line = 0;
            for (Row row : rows) {
                line++;
                String name = row.name().getText().strip();
                if (name.isEmpty() && row.value().secretLength() == 0) {
                    continue;
                }
                if (!EnvVar.isValidName(name)) {
                    throw new ItemValidationException(
                            "variable " + line,
                            "name must be a letter or _, then letters, digits or _ (at most 256)");
                }
                SecretText value = row.value().toSecretText();
                vars.add(new EnvVar(name, value == null ? SecretText.empty() : value));
            }
            return new EnvironmentSet(vars);
        } catch (RuntimeException e) {
            vars.forEach(v -> v.value().wipe());
            throw e;
        }
    }

    @Override
    public void wipe() {
        rows.forEach(r -> r.value().wipe());
    }
}

package dev.strongroom.desktop.generator;

import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.generate.PassphraseGenerator;
import dev.strongroom.crypto.generate.PasswordGenerator;
import dev.strongroom.crypto.generate.PasswordPolicy;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import java.util.Arrays;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * Generates a password (length and character classes) or a passphrase (words) with crypto-core's
 * generators and puts it into a {@link SecretField}. The value lives only in char arrays: the
 * preview is a masked {@link SecretField} too, and "Use" copies it into the target and wipes it.
 */
public final class PasswordGeneratorDialog {

    @FXML private RadioButton charactersOption;
    @FXML private RadioButton wordsOption;
    @FXML private VBox charactersBox;
    @FXML private VBox wordsBox;
    @FXML private Spinner<Integer> lengthSpinner;
    @FXML private CheckBox lowercaseBox;
    @FXML private CheckBox uppercaseBox;
    @FXML private CheckBox digitsBox;
    @FXML private CheckBox symbolsBox;
    @FXML private Spinner<Integer> wordsSpinner;
    @FXML private CheckBox capitalizeBox;
    @FXML private CheckBox wordDigitBox;
    @FXML private SecretField generatedField;
    @FXML private Label strengthLabel;
    @FXML private Button regenerateButton;
    @FXML private Button useButton;
    @FXML private Button cancelGeneratorButton;

    private final SecretField target;
    private final Stage stage = new Stage();

    private PasswordGeneratorDialog(AppContext context, SecretField target) {
        this.target = target;
        Scene scene = new Scene(Views.load(this, "password-generator.fxml"));
        context.prepare(scene);
        stage.setTitle("Generate a password");
        stage.setScene(scene);
        stage.initOwner(target.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        lengthSpinner.setValueFactory(
                new IntegerSpinnerValueFactory(PasswordPolicy.MIN_LENGTH, 128, 20));
        wordsSpinner.setValueFactory(
                new IntegerSpinnerValueFactory(
                        PassphraseGenerator.MIN_WORDS,
                        PassphraseGenerator.MAX_WORDS,
                        PassphraseGenerator.DEFAULT_WORDS));
        charactersOption.selectedProperty().addListener((o, was, on) -> generate());
        for (CheckBox box :
                new CheckBox[] {
                    lowercaseBox, uppercaseBox, digitsBox, symbolsBox, capitalizeBox, wordDigitBox
                }) {
            box.selectedProperty().addListener((o, was, on) -> generate());
        }
        lengthSpinner.valueProperty().addListener((o, was, now) -> generate());
        wordsSpinner.valueProperty().addListener((o, was, now) -> generate());
        regenerateButton.setOnAction(e -> generate());
        useButton.setOnAction(e -> use());
        cancelGeneratorButton.setOnAction(e -> stage.hide());
    }

    /** Opens the generator for {@code target} (which must be showing in a window). */
    public static void open(AppContext context, SecretField target) {
        PasswordGeneratorDialog d = new PasswordGeneratorDialog(context, target);
        d.generate();
        d.stage.show();
    }

    private void generate() {
        boolean words = wordsOption.isSelected();
        charactersBox.setDisable(words);
        wordsBox.setDisable(!words);
        char[] value = null;
        try {
            double bits;
            if (words) {
                int count = wordsSpinner.getValue();
                boolean digit = wordDigitBox.isSelected();
                value =
                        PassphraseGenerator.generate(
                                count,
                                PassphraseGenerator.DEFAULT_SEPARATOR,
                                capitalizeBox.isSelected(),
                                digit);
                bits = PassphraseGenerator.entropyBits(count, digit);
            } else {
                PasswordPolicy policy =
                        new PasswordPolicy(
                                lengthSpinner.getValue(),
                                lowercaseBox.isSelected(),
                                uppercaseBox.isSelected(),
                                digitsBox.isSelected(),
                                symbolsBox.isSelected(),
                                "",
                                false);
                value = PasswordGenerator.generate(policy);
                bits = PasswordGenerator.entropyBits(policy);
            }
            generatedField.setSecret(value);
            strengthLabel.setText(
                    String.format(
                            Locale.ROOT, "%d characters, about %.0f bits", value.length, bits));
            useButton.setDisable(false);
        } catch (ParameterRejectedException e) {
            generatedField.wipe();
            strengthLabel.setText("Cannot generate: " + e.getMessage() + ".");
            useButton.setDisable(true);
        } finally {
            if (value != null) {
                Arrays.fill(value, '\0');
            }
        }
    }

    private void use() {
        char[] value = generatedField.copyChars();
        try {
            target.setSecret(value);
        } finally {
            Arrays.fill(value, '\0');
        }
        stage.hide(); // hiding wipes the preview field
    }

    Stage stage() {
        return stage;
    }
}

package dev.strongroom.desktop.settings;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.Navigator;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.desktop.common.Themes;
import dev.strongroom.desktop.common.Views;
import java.time.Duration;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * Auto-lock time, clipboard clearing time and theme, plus where the vault and its data are. Saved
 * to the settings file when "Save" is pressed; the theme applies at once. Below them, the server
 * profiles ({@link ServersPane}) and the KDF upgrade ({@link KdfUpgradePane}), which act at once.
 */
public final class SettingsDialog {

    @FXML private Spinner<Integer> autoLockMinutes;
    @FXML private Spinner<Integer> clipboardSeconds;
    @FXML private ChoiceBox<Settings.Theme> themeChoice;
    @FXML private Label whereLabel;
    @FXML private Label homeLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private VBox sections;

    private final AppContext context;
    private final Stage stage = new Stage();

    public SettingsDialog(AppContext context, Navigator navigator, OpenAccount account) {
        this.context = context;
        Scene scene = new Scene(Views.load(this, "settings.fxml"));
        sections.getChildren()
                .setAll(
                        new ServersPane(context, navigator, stage::hide).view(),
                        new KdfUpgradePane(context, account).view());
        context.prepare(scene);
        Settings s = context.settings();
        autoLockMinutes.getValueFactory().setValue((int) Math.max(1, s.autoLock().toMinutes()));
        clipboardSeconds.getValueFactory().setValue((int) s.clipboardClear().toSeconds());
        themeChoice.getItems().setAll(Settings.Theme.values());
        themeChoice.setValue(s.theme());
        themeChoice.setConverter(
                new javafx.util.StringConverter<>() {
                    @Override
                    public String toString(Settings.Theme t) {
                        return t == Settings.Theme.DARK ? "Dark" : "Light";
                    }

                    @Override
                    public Settings.Theme fromString(String text) {
                        return "Dark".equals(text) ? Settings.Theme.DARK : Settings.Theme.LIGHT;
                    }
                });
        whereLabel.setText(account.connection().description());
        homeLabel.setText("Settings, caches and KDF pins: " + context.config().home());
        stage.setTitle("Settings");
        stage.setScene(scene);
        stage.initOwner(context.stage());
        stage.initModality(Modality.WINDOW_MODAL);
        cancelButton.setOnAction(e -> stage.hide());
        saveButton.setOnAction(e -> save());
    }

    /** An editable spinner keeps typed text uncommitted until Enter: take it, if it parses. */
    private static int committed(Spinner<Integer> spinner) {
        try {
            var factory = spinner.getValueFactory();
            factory.setValue(factory.getConverter().fromString(spinner.getEditor().getText()));
        } catch (RuntimeException e) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
        }
        return spinner.getValue();
    }

    private void save() {
        Settings s = context.settings();
        s.setAutoLock(Duration.ofMinutes(committed(autoLockMinutes)));
        s.setClipboardClear(Duration.ofSeconds(committed(clipboardSeconds)));
        s.setTheme(themeChoice.getValue());
        s.save();
        Themes.apply(context.stage().getScene(), s.theme());
        stage.hide();
    }

    public void show() {
        stage.show();
    }
}

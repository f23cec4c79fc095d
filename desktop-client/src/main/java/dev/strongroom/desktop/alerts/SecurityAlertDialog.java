package dev.strongroom.desktop.alerts;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.desktop.common.Themes;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The blocking dialog for one {@link SecurityAlert}: application-modal, no close button that works,
 * Escape ignored. The user must choose "Lock Strongroom" or "Keep working offline"; either way the
 * alert stays listed in the main window and syncing stops.
 */
final class SecurityAlertDialog {

    @FXML private Label headline;
    @FXML private Label detail;
    @FXML private Label advice;
    @FXML private Label code;
    @FXML private Button lockButton;
    @FXML private Button offlineButton;

    private final Stage stage = new Stage();

    SecurityAlertDialog(
            SecurityAlert alert,
            Window owner,
            Settings.Theme theme,
            Runnable onLock,
            Runnable onOffline) {
        Scene scene = new Scene(Views.load(this, "security-alert.fxml"));
        Themes.apply(scene, theme);
        headline.setText(AlertTexts.headline(alert.code()));
        detail.setText("What Strongroom refused: " + alert.getMessage() + ".");
        advice.setText(AlertTexts.advice(alert.code()));
        code.setText("Alert code: " + alert.code().id());
        stage.setTitle("Security alert");
        stage.setScene(scene);
        stage.initModality(Modality.APPLICATION_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnCloseRequest(e -> e.consume()); // cannot be dismissed into silence
        scene.addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (e.getCode() == KeyCode.ESCAPE) {
                        e.consume();
                    }
                });
        lockButton.setOnAction(e -> close(onLock));
        offlineButton.setOnAction(e -> close(onOffline));
    }

    private void close(Runnable then) {
        stage.hide();
        then.run();
    }

    void show() {
        stage.show();
        stage.toFront();
        lockButton.requestFocus();
    }

    Stage stage() {
        return stage;
    }
}

package dev.strongroom.desktop.firstrun;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.Navigator;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * First run: "a local vault on this computer" (shows where the data will live) or "connect to a
 * server" (URL; for https the certificate's fingerprint is fetched, shown, and pinned once the user
 * confirms it matches).
 */
public final class FirstRunController {

    @FXML private RadioButton localOption;
    @FXML private RadioButton serverOption;
    @FXML private Label localPath;
    @FXML private VBox serverPane;
    @FXML private TextField urlField;
    @FXML private Button checkButton;
    @FXML private Label fingerprintLabel;
    @FXML private CheckBox trustCheck;
    @FXML private Button continueButton;
    @FXML private Label messageLabel;

    private final AppContext context;
    private final Navigator navigator;
    private final Parent view;
    private ServerEndpoint checked;

    public FirstRunController(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
        this.view = Views.load(this, "first-run.fxml");
    }

    @FXML
    private void initialize() {
        localPath.setText(
                "Your vault is encrypted on this computer before it is stored in "
                        + context.config().localServerDir()
                        + ". Nothing leaves this computer.");
        serverPane.disableProperty().bind(serverOption.selectedProperty().not());
        urlField.textProperty().addListener((o, a, b) -> forgetCheck());
        trustCheck.setVisible(false);
        checkButton.setOnAction(e -> check());
        continueButton.setOnAction(e -> proceed());
    }

    public Parent view() {
        return view;
    }

    private void forgetCheck() {
        checked = null;
        fingerprintLabel.setText("");
        trustCheck.setSelected(false);
        trustCheck.setVisible(false);
    }

    private void check() {
        String url = urlField.getText().strip();
        ServerEndpoint plain;
        try {
            plain = ServerEndpoint.of(url, null);
        } catch (IllegalArgumentException e) {
            messageLabel.setText(e.getMessage());
            return;
        }
        messageLabel.setText("Checking " + plain.baseUrl() + " …");
        checkButton.setDisable(true);
        context.background()
                .run(
                        () -> {
                            TlsPin pin = null;
                            if (plain.baseUrl().getScheme().equals("https")) {
                                pin = CertificateProbe.fingerprint(plain.baseUrl());
                            }
                            ServerEndpoint pinned = ServerEndpoint.of(plain.baseUrl(), pin);
                            ServerApi.connect(pinned).health();
                            return pinned;
                        },
                        endpoint -> {
                            checkButton.setDisable(false);
                            checked = endpoint;
                            messageLabel.setText("The server answered.");
                            if (endpoint.pin().isPresent()) {
                                fingerprintLabel.setText(
                                        "Certificate fingerprint (SHA-256):\n"
                                                + endpoint.pin().get()
                                                + "\nCompare it with the fingerprint your"
                                                + " administrator gave you.");
                                trustCheck.setVisible(true);
                            } else {
                                fingerprintLabel.setText(
                                        "Plain http on this computer only: no certificate to"
                                                + " pin.");
                            }
                        },
                        failure -> {
                            checkButton.setDisable(false);
                            messageLabel.setText("Cannot use this server: " + failure.getMessage());
                        });
    }

    private void proceed() {
        if (localOption.isSelected()) {
            navigator.useLocalVault();
            return;
        }
        if (checked == null) {
            messageLabel.setText("Check the server first.");
            return;
        }
        if (checked.pin().isPresent() && !trustCheck.isSelected()) {
            messageLabel.setText("Confirm that the fingerprint matches before continuing.");
            return;
        }
        navigator.useServer(new ServerProfile("desktop", checked));
    }
}

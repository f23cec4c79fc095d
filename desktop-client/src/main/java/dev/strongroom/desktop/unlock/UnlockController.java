package dev.strongroom.desktop.unlock;

import dev.strongroom.client.account.WrongPasswordException;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.RateLimitedException;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.Connection;
import dev.strongroom.desktop.app.Navigator;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.common.Background;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import java.time.Duration;
import java.util.Arrays;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/**
 * Email and master password, to log in or (toggled) to create an account. The password lives in a
 * {@link SecretField} (a char array, wiped when the screen goes); the KDF and network run on the
 * background worker. A wrong password gets a plain message and an increasing wait before the next
 * try.
 */
public final class UnlockController {

    @FXML private Label title;
    @FXML private Label whereLabel;
    @FXML private TextField emailField;
    @FXML private SecretField passwordField;
    @FXML private SecretField confirmField;
    @FXML private Label confirmLabel;
    @FXML private Button unlockButton;
    @FXML private Hyperlink modeLink;
    @FXML private Hyperlink serverLink;
    @FXML private ProgressIndicator progress;
    @FXML private Label messageLabel;

    private final AppContext context;
    private final Navigator navigator;
    private final RetryLimiter retries;
    private final Parent view;
    private final Timeline countdown;
    private Connection connection;
    private boolean registering;
    private boolean busy;

    public UnlockController(AppContext context, Navigator navigator, RetryLimiter retries) {
        this.context = context;
        this.navigator = navigator;
        this.retries = retries;
        this.view = Views.load(this, "unlock.fxml");
        this.countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        countdown.setCycleCount(Timeline.INDEFINITE);
        view.sceneProperty()
                .addListener(
                        (o, old, scene) -> {
                            if (scene == null) {
                                countdown.stop();
                            }
                        });
    }

    @FXML
    private void initialize() {
        emailField.setText(context.settings().lastEmail());
        unlockButton.setOnAction(e -> submit());
        passwordField.setOnAction(e -> submit());
        confirmField.setOnAction(e -> submit());
        modeLink.setOnAction(e -> setRegistering(!registering));
        serverLink.setOnAction(e -> navigator.showFirstRun());
        setRegistering(false);
        setBusy(true);
        whereLabel.setText(
                context.settings().mode() == dev.strongroom.desktop.app.Settings.Mode.LOCAL
                        ? "Starting the local vault …"
                        : "Connecting …");
    }

    public Parent view() {
        return view;
    }

    /** The server (or the embedded one) is ready. */
    public void connected(Connection c) {
        connection = c;
        whereLabel.setText(c.description());
        setBusy(false);
        if (emailField.getText().isBlank()) {
            emailField.requestFocus();
        } else {
            passwordField.requestFocus();
        }
        tick();
    }

    public void connectionFailed(Throwable failure) {
        setBusy(false);
        unlockButton.setDisable(true);
        whereLabel.setText("The vault could not be opened.");
        messageLabel.setText(
                "Could not start or reach the vault: "
                        + failure.getMessage()
                        + ". Choose \"Change server\" or restart the app.");
    }

    private void setRegistering(boolean value) {
        registering = value;
        title.setText(value ? "Create your account" : "Unlock Strongroom");
        unlockButton.setText(value ? "Create account" : "Unlock");
        unlockButton.setAccessibleText(value ? "Create account" : "Unlock");
        modeLink.setText(value ? "I already have an account" : "Create an account");
        confirmField.setVisible(value);
        confirmField.setManaged(value);
        confirmLabel.setVisible(value);
        confirmLabel.setManaged(value);
        confirmField.wipe();
        messageLabel.setText("");
    }

    private void setBusy(boolean value) {
        busy = value;
        progress.setVisible(value);
        emailField.setDisable(value);
        passwordField.setDisable(value);
        confirmField.setDisable(value);
        unlockButton.setDisable(value || retries.remaining().compareTo(Duration.ZERO) > 0);
    }

    private void submit() {
        if (busy || connection == null) {
            return;
        }
        Duration wait = retries.remaining();
        if (!wait.isZero()) {
            tick();
            return;
        }
        String email = emailField.getText().strip();
        if (email.isEmpty() || passwordField.secretLength() == 0) {
            messageLabel.setText("Enter your email and master password.");
            return;
        }
        char[] password = passwordField.copyChars();
        passwordField.wipe();
        if (registering && !confirmMatches(password)) {
            Arrays.fill(password, '\0');
            confirmField.wipe();
            messageLabel.setText("The two passwords differ. Type them again.");
            passwordField.requestFocus();
            return;
        }
        confirmField.wipe();
        boolean register = registering;
        Connection c = connection;
        messageLabel.setText(register ? "Creating your account …" : "Unlocking …");
        setBusy(true);
        context.background()
                .run(
                        () -> {
                            try {
                                if (register) {
                                    OpenAccount.register(context.config(), c, email, password);
                                }
                                return OpenAccount.login(context.config(), c, email, password);
                            } finally {
                                Arrays.fill(password, '\0');
                            }
                        },
                        account -> {
                            retries.success();
                            context.settings().setLastEmail(account.email());
                            context.settings().save();
                            navigator.showMain(account);
                        },
                        this::failed);
    }

    private boolean confirmMatches(char[] password) {
        char[] confirm = confirmField.copyChars();
        try {
            return SecretText.constantTimeEquals(password, confirm);
        } finally {
            Arrays.fill(confirm, '\0');
        }
    }

    private void failed(Throwable failure) {
        setBusy(false);
        passwordField.requestFocus();
        if (Background.securityAlertIn(failure) != null) {
            messageLabel.setText("Refused: see the security alert.");
        } else if (failure instanceof WrongPasswordException) {
            retries.failure();
            messageLabel.setText("Wrong email or master password.");
            tick();
        } else if (failure instanceof RateLimitedException limited) {
            retries.serverAsks(limited.retryAfter());
            messageLabel.setText("Too many attempts: the server asks you to wait.");
            tick();
        } else if (failure instanceof ConflictException) {
            messageLabel.setText("An account with this email already exists. Unlock instead.");
        } else if (failure instanceof ServerUnreachableException) {
            messageLabel.setText("Cannot reach the server. Check the connection and try again.");
        } else {
            messageLabel.setText("Could not unlock: " + failure.getMessage());
        }
    }

    /** Shows the remaining wait and keeps the button disabled until it is over. */
    private void tick() {
        Duration wait = retries.remaining();
        if (wait.isZero()) {
            countdown.stop();
            unlockButton.setDisable(busy || connection == null);
            return;
        }
        unlockButton.setDisable(true);
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String base = messageLabel.getText().replaceAll(" Try again in \\d+ s\\.$", "");
        messageLabel.setText(base + " Try again in " + seconds + " s.");
        if (countdown.getStatus() != Timeline.Status.RUNNING) {
            countdown.play();
        }
    }
}

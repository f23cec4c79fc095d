package dev.strongroom.desktop.settings;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.WrongPasswordException;
import dev.strongroom.client.api.RateLimitedException;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.common.Background;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import java.util.Arrays;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * The KDF upgrade: shows the account's password-hashing parameters and, when they are below what
 * new accounts get, re-wraps the account key under the same master password with the recommended
 * ones (a password change to the same password: two KDF runs, in the background; the server signs
 * out the account's other sessions, as at any password change).
 */
final class KdfUpgradePane {

    @FXML private Label kdfLabel;
    @FXML private SecretField kdfPassword;
    @FXML private Button kdfUpgrade;
    @FXML private Label kdfMessage;

    private final AppContext context;
    private final OpenAccount account;
    private final AccountService accounts;
    private final Parent view;

    KdfUpgradePane(AppContext context, OpenAccount account) {
        this.context = context;
        this.account = account;
        this.accounts = account.connection().accounts(context.config().home());
        this.view = Views.load(this, "kdf-upgrade.fxml");
        kdfUpgrade.setOnAction(e -> upgrade());
        kdfPassword.setOnAction(e -> upgrade());
        show(accounts.pinnedKdf(account.session()));
    }

    Parent view() {
        return view;
    }

    private void show(Optional<KdfParams> current) {
        boolean upgradable = current.map(KdfStrength::belowRecommended).orElse(false);
        kdfLabel.setText(
                current.map(p -> "Password hashing: " + KdfStrength.describe(p))
                        .orElse("Password hashing: not known on this device yet"));
        kdfUpgrade.setText("Strengthen to " + KdfStrength.describe(KdfStrength.RECOMMENDED));
        kdfUpgrade.setDisable(!upgradable);
        kdfPassword.setDisable(!upgradable);
        if (current.isPresent() && !upgradable) {
            kdfMessage.setText("Meets the strength new accounts get.");
        }
    }

    private void upgrade() {
        if (kdfUpgrade.isDisabled() || kdfPassword.secretLength() == 0) {
            kdfMessage.setText("Enter your master password to strengthen its hashing.");
            return;
        }
        char[] password = kdfPassword.copyChars();
        kdfPassword.wipe();
        kdfUpgrade.setDisable(true);
        kdfMessage.setText("Re-wrapping your account key …");
        context.background()
                .run(
                        () -> {
                            try {
                                return accounts.changePassword(
                                        account.session(),
                                        password,
                                        password,
                                        KdfStrength.RECOMMENDED);
                            } finally {
                                Arrays.fill(password, '\0');
                            }
                        },
                        revoked -> {
                            show(accounts.pinnedKdf(account.session()));
                            kdfMessage.setText(
                                    "Strengthened."
                                            + (revoked == 0
                                                    ? ""
                                                    : " "
                                                            + revoked
                                                            + " other session(s) were"
                                                            + " signed out."));
                        },
                        this::failed);
    }

    private void failed(Throwable failure) {
        kdfUpgrade.setDisable(false);
        if (Background.securityAlertIn(failure) != null) {
            kdfMessage.setText("Refused: see the security alert.");
        } else if (failure instanceof WrongPasswordException) {
            kdfMessage.setText("Wrong master password. Nothing was changed.");
        } else if (failure instanceof RateLimitedException) {
            kdfMessage.setText("Too many attempts: the server asks you to wait.");
        } else if (failure instanceof ServerUnreachableException) {
            kdfMessage.setText(
                    "Cannot reach the server; the upgrade needs it. Nothing was changed.");
        } else {
            kdfMessage.setText("Could not strengthen: " + failure.getMessage());
        }
    }
}

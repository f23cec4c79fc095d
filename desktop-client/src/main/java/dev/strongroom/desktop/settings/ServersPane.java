package dev.strongroom.desktop.settings;

import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.Navigator;
import dev.strongroom.desktop.app.Settings;
import dev.strongroom.desktop.common.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Server profiles: the local vault and every server saved on this computer, the one in use marked.
 * Switching locks the app and opens the unlock screen on the other one; adding goes through the
 * first-run screen (URL and TLS fingerprint check); removing forgets a profile that is not in use
 * (its KDF pins and encrypted cache stay, so coming back needs no new trust decision).
 */
final class ServersPane {

    /** One row: a saved profile, or the local vault when {@code profile} is null. */
    record Choice(ServerProfile profile) {
        String name() {
            return profile == null ? null : profile.name();
        }

        @Override
        public String toString() {
            return profile == null
                    ? "Local vault on this computer"
                    : profile.name() + " — " + profile.endpoint().baseUrl();
        }
    }

    @FXML private ListView<Choice> serverList;
    @FXML private Button switchServer;
    @FXML private Button removeServer;
    @FXML private Button addServer;
    @FXML private Label serverMessage;

    private final AppContext context;
    private final Navigator navigator;
    private final Runnable closeDialog;
    private final Parent view;

    ServersPane(AppContext context, Navigator navigator, Runnable closeDialog) {
        this.context = context;
        this.navigator = navigator;
        this.closeDialog = closeDialog;
        this.view = Views.load(this, "servers.fxml");
        serverList.setCellFactory(
                list ->
                        new ListCell<>() {
                            @Override
                            protected void updateItem(Choice c, boolean empty) {
                                super.updateItem(c, empty);
                                setText(empty || c == null ? null : (inUse(c) ? "● " : "   ") + c);
                            }
                        });
        serverList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> buttons());
        switchServer.setOnAction(e -> switchToSelected());
        removeServer.setOnAction(e -> removeSelected());
        addServer.setOnAction(
                e -> {
                    closeDialog.run();
                    navigator.lock();
                    navigator.showFirstRun();
                });
        refresh();
    }

    Parent view() {
        return view;
    }

    private ServerProfiles profiles() {
        return ServerProfiles.open(context.config().home());
    }

    private boolean inUse(Choice c) {
        Settings s = context.settings();
        return c.profile() == null
                ? s.mode() == Settings.Mode.LOCAL
                : s.mode() == Settings.Mode.REMOTE && c.name().equals(s.remoteProfile());
    }

    private void refresh() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(null));
        profiles().list().forEach(p -> choices.add(new Choice(p)));
        serverList.getItems().setAll(choices);
        buttons();
    }

    private void buttons() {
        Choice c = serverList.getSelectionModel().getSelectedItem();
        switchServer.setDisable(c == null || inUse(c));
        removeServer.setDisable(c == null || c.profile() == null || inUse(c));
    }

    private void switchToSelected() {
        Choice c = Objects.requireNonNull(serverList.getSelectionModel().getSelectedItem());
        closeDialog.run();
        navigator.switchServer(c.name());
    }

    private void removeSelected() {
        Choice c = Objects.requireNonNull(serverList.getSelectionModel().getSelectedItem());
        profiles().remove(c.name());
        serverMessage.setText("Removed " + c.name() + ".");
        refresh();
    }
}

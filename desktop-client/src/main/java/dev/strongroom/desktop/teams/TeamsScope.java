package dev.strongroom.desktop.teams;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the team screens share: the app context, the open account, and what to call after a change
 * (the main window re-syncs so its sidebar shows new or lost vaults). Work runs on the app's
 * background worker; its failure lands as one plain line in the screen's status label.
 */
record TeamsScope(AppContext context, OpenAccount account, Runnable changed) {

    <T> void run(Callable<T> work, Consumer<T> done, Label status, String failure) {
        context.background().run(work, done, t -> status.setText(Labels.failure(failure, t)));
    }

    /** A window-modal dialog over {@code owner}, styled like the app. */
    Stage dialog(Window owner, Parent root, String title) {
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        context.prepare(scene);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        return stage;
    }
}

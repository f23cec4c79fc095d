package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import javafx.scene.control.ListCell;

/**
 * A request in the approvals inbox, in one line: a dot when it waits for this account, requester,
 * scope, progress, and this account's own decision once it made one.
 */
final class WaitingCell extends ListCell<Waiting> {
    @Override
    protected void updateItem(Waiting w, boolean empty) {
        super.updateItem(w, empty);
        if (empty || w == null) {
            setText(null);
            setAccessibleText(null);
            return;
        }
        PendingRequest r = w.request();
        String mine = r.myDecision();
        String text =
                (w.needsMe() ? "● " : "")
                        + r.requesterEmail()
                        + " · "
                        + ScopeText.of(r.scope())
                        + " · "
                        + r.approvals()
                        + "/"
                        + r.threshold()
                        + (mine == null ? "" : " · you " + InboxView.pastTense(mine));
        setText(text);
        setAccessibleText((w.needsMe() ? "Waiting for you: " : "") + text.replace("● ", ""));
    }
}

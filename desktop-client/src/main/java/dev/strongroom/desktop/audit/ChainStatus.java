package dev.strongroom.desktop.audit;

import dev.strongroom.model.wire.AuditVerifyResponse;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** The audit viewer's verdict line: whether the server's verify endpoint found the chain whole. */
final class ChainStatus {

    private final Label label;

    ChainStatus(Label label) {
        this.label = label;
    }

    void checking() {
        label.setText("Verifying the chain …");
    }

    void failed(Throwable t) {
        label.setText("Could not verify the chain: " + t.getMessage());
    }

    void show(AuditVerifyResponse v) {
        label.getStyleClass().removeAll("chain-ok", "chain-broken");
        if (v.ok()) {
            label.getStyleClass().add("chain-ok");
            label.setText(
                    "Chain verified: "
                            + v.eventsChecked()
                            + " events, last #"
                            + v.lastVerifiedSeq());
            // the full hash, to note down and compare later, is in the tooltip
            label.setTooltip(new Tooltip("Last verified hash: " + v.lastVerifiedHash()));
        } else {
            label.getStyleClass().add("chain-broken");
            label.setText("Chain BROKEN after #" + v.lastVerifiedSeq() + ": " + v.problem());
        }
    }
}

package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.desktop.common.Views;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The approvals inbox: every open request of every team, with who asks, for what and why. Approve
 * re-seals this approver's share to the request (client-core checks the request against the
 * verified log first); Deny and, where the policy gives owners a veto, Veto are signed decisions.
 */
final class InboxView implements RecoveryView {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @FXML private ListView<Waiting> inboxList;
    @FXML private Label inboxDetail;
    @FXML private Button approveButton;
    @FXML private Button denyButton;
    @FXML private Button vetoButton;
    @FXML private Button inboxRefresh;

    private final RecoveryContext ctx;
    private final Parent view;

    InboxView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.view = Views.load(this, "recovery-inbox.fxml");
    }

    @FXML
    private void initialize() {
        inboxList.setCellFactory(l -> new WaitingCell());
        inboxList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> select(b));
        approveButton.setOnAction(e -> decide("approve"));
        denyButton.setOnAction(e -> decide("deny"));
        vetoButton.setOnAction(e -> decide("veto"));
        inboxRefresh.setOnAction(e -> show(ctx.teamId()));
        select(null);
    }

    @Override
    public String title() {
        return "Approvals";
    }

    @Override
    public Parent view() {
        return view;
    }

    /** The inbox spans every team, so the team choice does not filter it. */
    @Override
    public void show(String teamId) {
        ctx.run(ctx.desk()::inbox, this::fill);
    }

    private void fill(List<Waiting> waiting) {
        inboxList.getItems().setAll(waiting);
        if (waiting.isEmpty()) {
            inboxDetail.setText("No recovery request is waiting.");
        } else {
            inboxList.getSelectionModel().select(0);
        }
        ctx.changed();
    }

    private void select(Waiting w) {
        approveButton.setDisable(w == null || !w.needsMe());
        denyButton.setDisable(w == null || !w.needsMe());
        vetoButton.setDisable(w == null || !w.vetoOpen());
        vetoButton.setVisible(w != null && w.mayVeto());
        if (w != null) {
            inboxDetail.setText(describe(w));
        }
    }

    static String describe(Waiting w) {
        PendingRequest r = w.request();
        String when =
                r.notBefore() > System.currentTimeMillis()
                        ? "\nReleased no earlier than "
                                + WHEN.format(Instant.ofEpochMilli(r.notBefore()))
                        : "";
        return r.requesterEmail()
                + " asks to open "
                + ScopeText.of(r.scope())
                + " of "
                + w.teamName()
                + ".\nReason: "
                + r.reason()
                + "\nOpened "
                + WHEN.format(Instant.ofEpochMilli(r.createdAt()))
                + " · "
                + r.approvals()
                + " of "
                + r.threshold()
                + " approvals · "
                + r.status()
                + when
                + yours(w);
    }

    /** What this account did or may do about the request, as the inbox's last line. */
    static String yours(Waiting w) {
        String mine = w.request().myDecision();
        if (mine != null) {
            return "\nYou " + pastTense(mine) + " this request.";
        }
        return w.mayDecide() ? "" : "\nYou are not an approver of this request.";
    }

    private void decide(String decision) {
        Waiting w = inboxList.getSelectionModel().getSelectedItem();
        if (w == null) {
            return;
        }
        String team = w.teamId();
        String id = w.request().requestId();
        approveButton.setDisable(true);
        denyButton.setDisable(true);
        ctx.say("Signing your decision …");
        ctx.run(
                () -> {
                    switch (decision) {
                        case "approve" -> ctx.desk().approve(team, id);
                        case "deny" -> ctx.desk().deny(team, id);
                        default -> ctx.desk().veto(team, id);
                    }
                    return ctx.desk().inbox();
                },
                waiting -> {
                    ctx.say("Request " + pastTense(decision) + ".");
                    fill(waiting);
                });
    }

    static String pastTense(String decision) {
        return switch (decision) {
            case "approve" -> "approved";
            case "deny" -> "denied";
            default -> "vetoed";
        };
    }
}

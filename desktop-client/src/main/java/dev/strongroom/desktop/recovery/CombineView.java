package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.desktop.common.Views;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

/**
 * The combine step, for the requester: once M approvals are in and the delay has passed,
 * client-core opens the re-sealed shares with the request's key kept on this device, checks the
 * combined key against the policy and opens exactly the requested vaults. Their items are listed
 * here to read and copy, since whoever broke the glass needs the secrets themselves.
 *
 * <p>That plaintext lives only in the {@link OpenedItems} held here, and only until the window
 * hides, the app locks, the next combine runs or "Forget" is pressed. A combine still running when
 * one of those happens is wiped on arrival (its generation is stale).
 */
final class CombineView implements RecoveryView {

    @FXML private ListView<PendingRequest> mineList;
    @FXML private Button combineButton;
    @FXML private Button forgetButton;
    @FXML private Label combineResult;
    @FXML private ListView<OpenedItem> openedList;
    @FXML private StackPane openedHost;

    private final RecoveryContext ctx;
    private final OpenedItemPane itemPane;
    private final Parent view;
    private OpenedItems opened;
    private int generation;

    CombineView(RecoveryContext ctx) {
        this.ctx = ctx;
        this.itemPane = new OpenedItemPane(ctx.app().clipboard());
        this.view = Views.load(this, "recovery-combine.fxml");
    }

    @FXML
    private void initialize() {
        mineList.setCellFactory(l -> new RequestCell());
        openedList.setCellFactory(l -> new OpenedItemCell());
        openedList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> pick(b));
        openedHost.getChildren().setAll(itemPane.view());
        combineButton.setOnAction(e -> combine());
        forgetButton.setOnAction(
                e -> {
                    hide();
                    ctx.say("The opened items were wiped from this computer.");
                });
    }

    @Override
    public String title() {
        return "Combine";
    }

    @Override
    public Parent view() {
        return view;
    }

    @Override
    public void show(String teamId) {
        if (teamId != null) {
            ctx.run(() -> ctx.desk().mine(teamId), mineList.getItems()::setAll);
        }
    }

    /** Wipes what the last combine opened and drops a combine still running (its result too). */
    @Override
    public void hide() {
        generation++;
        openedList.getItems().clear();
        itemPane.clear();
        combineResult.setText("");
        forgetButton.setDisable(true);
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }

    private void pick(OpenedItem item) {
        // a closed set's items have lost their secrets: nothing left worth showing
        itemPane.show(opened == null || opened.isClosed() ? null : item);
    }

    private void combine() {
        PendingRequest r = mineList.getSelectionModel().getSelectedItem();
        if (r == null) {
            ctx.say("Choose one of your requests.");
            return;
        }
        hide();
        int mine = generation;
        String team = ctx.teamId();
        ctx.say("Combining the shares …");
        ctx.run(
                () -> ctx.desk().combine(team, r.requestId()),
                result -> {
                    if (mine != generation) {
                        result.close(); // hidden, locked or replaced meanwhile
                        return;
                    }
                    opened = result;
                    combineResult.setText(String.join("\n", result.summary()));
                    openedList.getItems().setAll(result.items());
                    forgetButton.setDisable(false);
                    ctx.say(
                            "Opened with the recovery key: these items were read once, not added"
                                    + " to your vaults. Rotate the keys afterwards.");
                    // the combine is on the record: pull the log so the used-key notice shows
                    ctx.run(
                            () -> {
                                ctx.desk().sync();
                                return null;
                            },
                            ignored -> {
                                show(team);
                                ctx.changed();
                            });
                });
    }

    /** A request of this account: scope, approvals, status, and whether it was read ahead. */
    private final class RequestCell extends ListCell<PendingRequest> {
        @Override
        protected void updateItem(PendingRequest r, boolean empty) {
            super.updateItem(r, empty);
            String t =
                    empty || r == null
                            ? null
                            : ScopeText.of(r.scope())
                                    + " · "
                                    + r.approvals()
                                    + "/"
                                    + r.threshold()
                                    + " approvals · "
                                    + r.status()
                                    + (ctx.desk().wasReadAhead(r.requestId())
                                            ? " · items checked ahead"
                                            : "");
            setText(t);
            setAccessibleText(t);
        }
    }
}

package dev.strongroom.desktop.recovery;

import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.common.TeamNames;
import dev.strongroom.desktop.common.Views;
import java.util.List;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The break-glass window: the team at the top, then the approvals inbox, the request wizard, the
 * combine step, the setup wizard and the paper share as tabs. Opens on the inbox.
 */
public final class RecoveryWindow {

    @FXML private ChoiceBox<TeamInfo> teamChoice;
    @FXML private TabPane recoveryTabs;
    @FXML private Label recoveryMessage;
    @FXML private Label recoveryNotice;
    @FXML private Button recoveryClose;

    private final Stage stage = new Stage();
    private final RecoveryContext ctx;
    private final List<RecoveryView> views;

    RecoveryWindow(AppContext app, RecoveryDesk desk, Runnable changed) {
        this.ctx =
                new RecoveryContext(
                        app,
                        desk,
                        this::say,
                        () -> {
                            changed.run();
                            refreshNotice();
                        });
        this.views =
                List.of(
                        new InboxView(ctx),
                        new RequestView(ctx),
                        new CombineView(ctx),
                        new SetupView(ctx),
                        new PaperShareView(ctx));
        Scene scene = new Scene(Views.load(this, "recovery-window.fxml"));
        app.prepare(scene);
        stage.setTitle("Break-glass recovery");
        stage.setScene(scene);
        stage.initOwner(app.stage());
        // paper words and opened items leave the screen (and memory) with the window
        stage.setOnHidden(e -> views.forEach(RecoveryView::hide));
    }

    @FXML
    private void initialize() {
        for (RecoveryView v : views) {
            Tab tab = new Tab(v.title(), v.view());
            tab.setClosable(false);
            tab.setId("tab-" + v.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            recoveryTabs.getTabs().add(tab);
        }
        teamChoice.setConverter(new TeamNames());
        teamChoice.valueProperty().addListener((o, a, b) -> teamChanged(b));
        recoveryTabs
                .getSelectionModel()
                .selectedIndexProperty()
                .addListener((o, a, b) -> refresh());
        recoveryClose.setOnAction(e -> stage.hide());
    }

    /** Shows the window and reads the account's teams; a team chosen before stays chosen. */
    public void show() {
        stage.show();
        stage.toFront();
        say("");
        ctx.run(
                ctx.desk()::teams,
                teams -> {
                    String before = ctx.teamId();
                    teamChoice.getItems().setAll(teams);
                    if (teams.isEmpty()) {
                        say("Break-glass recovery works per team: create or join a team first.");
                        teamChanged(null);
                    } else {
                        choose(
                                teams.stream()
                                        .filter(t -> t.teamId().equals(before))
                                        .findFirst()
                                        .orElse(teams.get(0)));
                    }
                });
    }

    /** Chooses {@code team}; reopened on the same team, the tab still re-reads what changed. */
    private void choose(TeamInfo team) {
        TeamInfo shown = teamChoice.getValue();
        teamChoice.setValue(team);
        if (shown != null && shown.teamId().equals(team.teamId())) {
            refresh(); // an equal value fires no change
        }
    }

    private void teamChanged(TeamInfo team) {
        ctx.setTeamId(team == null ? null : team.teamId());
        refresh();
    }

    private void refresh() {
        int i = recoveryTabs.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            views.get(i).show(ctx.teamId());
        }
        refreshNotice();
    }

    /** Whether the shown team's recovery key was used: checked again after every change. */
    private void refreshNotice() {
        String team = ctx.teamId();
        if (team == null) {
            showNotice(Optional.empty());
            return;
        }
        ctx.run(() -> UsedKeyNotice.of(ctx.desk().status(team)), this::showNotice);
    }

    private void showNotice(Optional<String> notice) {
        recoveryNotice.setText(notice.orElse(""));
        recoveryNotice.setVisible(notice.isPresent());
        recoveryNotice.setManaged(notice.isPresent());
    }

    private void say(String message) {
        recoveryMessage.setText(message);
    }

    /** On lock: hides the window and wipes what its tabs hold, even if it was already hidden. */
    void close() {
        stage.hide();
        views.forEach(RecoveryView::hide);
    }

    public boolean isShowing() {
        return stage.isShowing();
    }
}

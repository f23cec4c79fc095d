package dev.strongroom.desktop.audit;

import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.common.Views;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.AuditEventView;
import dev.strongroom.model.wire.AuditVerifyResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The audit viewer for team owners and admins: the server's hash-chained events of one team,
 * filtered by who, what and when, page by page, and whether the chain verifies (the server's verify
 * endpoint; the viewer shows its verdict and the last verified hash to note down).
 */
public final class AuditWindow {

    @FXML private ChoiceBox<TeamInfo> teamChoice;
    @FXML private ComboBox<Actor> actorChoice;
    @FXML private ComboBox<String> actionChoice;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private Button applyButton;
    @FXML private Button clearButton;
    @FXML private TableView<AuditRow> eventTable;
    @FXML private Button moreButton;
    @FXML private Button closeAuditButton;
    @FXML private Button verifyButton;
    @FXML private Label chainLabel;
    @FXML private Label auditStatus;

    private final AppContext context;
    private final OpenAccount account;
    private final AuditQueries queries;
    private final Stage stage = new Stage();
    private final Map<String, String> names = new HashMap<>();
    private AuditFilter filter = AuditFilter.NONE;
    private long after;

    public AuditWindow(AppContext context, OpenAccount account) {
        this.context = context;
        this.account = account;
        this.queries = new AuditQueries(account.session());
        Scene scene = new Scene(Views.load(this, "audit.fxml"));
        context.prepare(scene);
        stage.setScene(scene);
        stage.setTitle("Audit log");
        stage.initOwner(context.stage());
    }

    @FXML
    private void initialize() {
        teamChoice.setConverter(AuditRow.teamNames());
        actionChoice.getItems().setAll(AuditRow.ACTIONS);
        column("When", AuditRow::time, 160);
        column("Who", AuditRow::who, 190);
        column("What", AuditRow::action, 150);
        column("On", AuditRow::target, 240);
        column("Result", AuditRow::result, 180);
        eventTable.setPlaceholder(new Label("No events match."));
        teamChoice.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> team());
        applyButton.setOnAction(e -> apply());
        clearButton.setOnAction(e -> clear());
        moreButton.setOnAction(e -> page(false));
        closeAuditButton.setOnAction(e -> stage.hide());
        verifyButton.setOnAction(e -> verify());
        moreButton.setDisable(true);
    }

    private void column(String heading, Function<AuditRow, String> value, double width) {
        TableColumn<AuditRow, String> c = new TableColumn<>(heading);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        eventTable.getColumns().add(c);
    }

    public void show() {
        stage.show();
        context.background()
                .run(
                        () -> {
                            account.sync();
                            return account.teams().teams().stream()
                                    .filter(
                                            t ->
                                                    t.myRole() == Role.OWNER
                                                            || t.myRole() == Role.ADMIN)
                                    .toList();
                        },
                        teams -> {
                            teamChoice.getItems().setAll(teams);
                            if (teams.isEmpty()) {
                                auditStatus.setText(
                                        "The audit log is for team owners and admins; you"
                                                + " administer no team.");
                            } else {
                                teamChoice.getSelectionModel().select(0);
                            }
                        },
                        t -> auditStatus.setText("Could not list the teams: " + t.getMessage()));
    }

    private String teamId() {
        TeamInfo t = teamChoice.getValue();
        return t == null ? null : t.teamId();
    }

    /** A team was chosen: learn its people's names, then list and verify. */
    private void team() {
        String teamId = teamId();
        if (teamId == null) {
            return;
        }
        context.background()
                .run(
                        () -> {
                            List<Actor> actors = new ArrayList<>();
                            account.teams()
                                    .members(teamId)
                                    .forEach(m -> actors.add(new Actor(m.accountId(), m.email())));
                            account.machines()
                                    .list(teamId)
                                    .forEach(
                                            m ->
                                                    actors.add(
                                                            new Actor(
                                                                    m.machineId(),
                                                                    "machine " + m.name())));
                            return actors;
                        },
                        actors -> {
                            names.clear();
                            actors.forEach(a -> names.put(a.id(), a.label()));
                            actorChoice.getItems().setAll(Actor.ANYONE);
                            actorChoice.getItems().addAll(actors);
                            actorChoice.setValue(Actor.ANYONE);
                            apply();
                            verify();
                        },
                        t -> auditStatus.setText("Could not read the team: " + t.getMessage()));
    }

    private void apply() {
        Actor who = actorChoice.getValue();
        String what = actionChoice.getEditor().getText();
        if (what == null || what.isBlank()) {
            what = actionChoice.getValue();
        }
        filter =
                new AuditFilter(
                        who == null ? null : who.id(),
                        what == null || what.isBlank() ? null : what.strip(),
                        day(fromDate.getValue(), 0),
                        day(toDate.getValue(), 1));
        page(true);
    }

    private static Instant day(LocalDate date, int plusDays) {
        return date == null
                ? null
                : date.plusDays(plusDays).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private void clear() {
        actorChoice.setValue(Actor.ANYONE);
        actionChoice.setValue(null);
        actionChoice.getEditor().clear();
        fromDate.setValue(null);
        toDate.setValue(null);
        apply();
    }

    private void page(boolean first) {
        String teamId = teamId();
        if (teamId == null) {
            return;
        }
        AuditFilter asked = filter;
        long from = first ? 0 : after;
        context.background()
                .run(
                        () -> queries.page(teamId, asked, from),
                        page -> {
                            List<AuditRow> rows = new ArrayList<>();
                            for (AuditEventView e : page.events()) {
                                rows.add(AuditRow.of(e, names));
                            }
                            if (first) {
                                eventTable.getItems().setAll(rows);
                            } else {
                                eventTable.getItems().addAll(rows);
                            }
                            after = page.nextAfter();
                            moreButton.setDisable(!page.hasMore());
                            auditStatus.setText(eventTable.getItems().size() + " events shown");
                        },
                        t ->
                                auditStatus.setText(
                                        "Could not read the audit log: " + t.getMessage()));
    }

    private void verify() {
        String teamId = teamId();
        if (teamId == null) {
            return;
        }
        chainLabel.setText("Verifying the chain …");
        context.background()
                .run(
                        () -> queries.verify(teamId),
                        this::showVerdict,
                        t -> chainLabel.setText("Could not verify the chain: " + t.getMessage()));
    }

    private void showVerdict(AuditVerifyResponse v) {
        chainLabel.getStyleClass().removeAll("chain-ok", "chain-broken");
        if (v.ok()) {
            chainLabel.getStyleClass().add("chain-ok");
            chainLabel.setText(
                    "Chain verified: "
                            + v.eventsChecked()
                            + " events, last #"
                            + v.lastVerifiedSeq());
            // the full hash, to note down and compare later, is in the tooltip
            chainLabel.setTooltip(
                    new javafx.scene.control.Tooltip(
                            "Last verified hash: " + v.lastVerifiedHash()));
        } else {
            chainLabel.getStyleClass().add("chain-broken");
            chainLabel.setText("Chain BROKEN after #" + v.lastVerifiedSeq() + ": " + v.problem());
        }
    }
}

package dev.strongroom.desktop.audit;

import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.desktop.app.OpenAccount;
import dev.strongroom.desktop.common.TeamNames;
import dev.strongroom.desktop.common.Views;
import java.util.HashMap;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The audit viewer for team owners and admins: the server's hash-chained events of one team,
 * filtered by who, what and when, page by page, and whether the chain verifies (the server's verify
 * endpoint; the viewer shows its verdict and the last verified hash to note down). It opens on the
 * first team {@link AuditTeams} offers.
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
    private FilterControls filters;
    private ChainStatus chain;
    private EventPages pages;

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
        filters = new FilterControls(actorChoice, actionChoice, fromDate, toDate);
        chain = new ChainStatus(chainLabel);
        pages = new EventPages(context, queries, eventTable, moreButton, auditStatus, names);
        teamChoice.setConverter(new TeamNames());
        AuditRow.columns(eventTable);
        eventTable.setPlaceholder(new Label("No events match."));
        teamChoice.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> team());
        applyButton.setOnAction(e -> apply());
        clearButton.setOnAction(
                e -> {
                    filters.clear();
                    apply();
                });
        moreButton.setOnAction(e -> pages.next());
        closeAuditButton.setOnAction(e -> stage.hide());
        verifyButton.setOnAction(e -> verify());
    }

    public void show() {
        stage.show();
        context.background()
                .run(
                        () -> {
                            account.sync();
                            return AuditTeams.offered(account.teams().teams());
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
                        () -> Actor.ofTeam(account, teamId),
                        actors -> {
                            names.clear();
                            actors.forEach(a -> names.put(a.id(), a.label()));
                            filters.actors(actors);
                            apply();
                            verify();
                        },
                        t -> auditStatus.setText("Could not read the team: " + t.getMessage()));
    }

    private void apply() {
        pages.first(teamId(), filters.read());
    }

    private void verify() {
        String teamId = teamId();
        if (teamId == null) {
            return;
        }
        chain.checking();
        context.background().run(() -> queries.verify(teamId), chain::show, chain::failed);
    }
}

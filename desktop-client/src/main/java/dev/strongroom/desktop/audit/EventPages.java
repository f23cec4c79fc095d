package dev.strongroom.desktop.audit;

import dev.strongroom.desktop.app.AppContext;
import dev.strongroom.model.wire.AuditEventView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * The event table, filled page by page from the server for one team and filter: the first page
 * replaces the rows, "Load more" appends the next one while the server says there is more. People
 * are shown by the names the viewer learned for the team.
 */
final class EventPages {

    private final AppContext context;
    private final AuditQueries queries;
    private final TableView<AuditRow> table;
    private final Button more;
    private final Label status;
    private final Map<String, String> names;
    private String teamId;
    private AuditFilter filter = AuditFilter.NONE;
    private long after;

    EventPages(
            AppContext context,
            AuditQueries queries,
            TableView<AuditRow> table,
            Button more,
            Label status,
            Map<String, String> names) {
        this.context = context;
        this.queries = queries;
        this.table = table;
        this.more = more;
        this.status = status;
        this.names = names;
        more.setDisable(true);
    }

    /** Lists the first page of the team's events that match the filter. */
    void first(String team, AuditFilter matching) {
        teamId = team;
        filter = matching;
        page(true);
    }

    /** Appends the next page of the same listing. */
    void next() {
        page(false);
    }

    private void page(boolean first) {
        String team = teamId;
        if (team == null) {
            return;
        }
        AuditFilter asked = filter;
        long from = first ? 0 : after;
        context.background()
                .run(
                        () -> queries.page(team, asked, from),
                        page -> {
                            List<AuditRow> rows = new ArrayList<>();
                            for (AuditEventView e : page.events()) {
                                rows.add(AuditRow.of(e, names));
                            }
                            if (first) {
                                table.getItems().setAll(rows);
                            } else {
                                table.getItems().addAll(rows);
                            }
                            after = page.nextAfter();
                            more.setDisable(!page.hasMore());
                            status.setText(table.getItems().size() + " events shown");
                        },
                        t -> status.setText("Could not read the audit log: " + t.getMessage()));
    }
}

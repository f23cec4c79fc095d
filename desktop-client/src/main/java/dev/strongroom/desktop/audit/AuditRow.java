package dev.strongroom.desktop.audit;

import dev.strongroom.model.wire.AuditEventView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** One audit event as a table row, with the actor's email or machine name where known. */
record AuditRow(String time, String who, String action, String target, String result) {

    /** The actions the server records for a team, offered in the "what" filter. */
    static final List<String> ACTIONS =
            List.of(
                    "team.create",
                    "team.log_append",
                    "invite.create",
                    "invite.accept",
                    "invite.cancel",
                    "vault.sync",
                    "vault.head_write",
                    "vault.keys_read",
                    "vault.metadata_write",
                    "vault.delete",
                    "item.create",
                    "item.read",
                    "item.history_read",
                    "machine.create",
                    "machine.request",
                    "machine.revoke",
                    "machine.secret_rotate",
                    "audit.query",
                    "audit.verify");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    static AuditRow of(AuditEventView e, Map<String, String> names) {
        String who =
                e.actorId() == null
                        ? e.actorKind() + (e.address() == null ? "" : " " + e.address())
                        : names.getOrDefault(e.actorId(), e.actorKind() + " " + e.actorId());
        String target =
                e.targetId() == null
                        ? ""
                        : (e.targetKind() == null ? "" : e.targetKind() + " ") + e.targetId();
        String result = e.result() + (e.detail() == null ? "" : " · " + e.detail());
        return new AuditRow(
                TIME.format(Instant.ofEpochMilli(e.at())), who, e.action(), target, result);
    }

    /** The table's columns: when, who, what, on what, result. */
    static void columns(TableView<AuditRow> table) {
        column(table, "When", AuditRow::time, 160);
        column(table, "Who", AuditRow::who, 190);
        column(table, "What", AuditRow::action, 150);
        column(table, "On", AuditRow::target, 240);
        column(table, "Result", AuditRow::result, 180);
    }

    private static void column(
            TableView<AuditRow> table,
            String heading,
            Function<AuditRow, String> value,
            double width) {
        TableColumn<AuditRow, String> c = new TableColumn<>(heading);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
    }
}

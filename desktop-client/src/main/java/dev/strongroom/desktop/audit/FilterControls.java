package dev.strongroom.desktop.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;

/**
 * The who, what and when controls of the audit viewer, read into an {@link AuditFilter}. Days are
 * local: "from" starts at its midnight, "to" includes its whole day.
 */
final class FilterControls {

    private final ComboBox<Actor> actorChoice;
    private final ComboBox<String> actionChoice;
    private final DatePicker fromDate;
    private final DatePicker toDate;

    FilterControls(
            ComboBox<Actor> actorChoice,
            ComboBox<String> actionChoice,
            DatePicker fromDate,
            DatePicker toDate) {
        this.actorChoice = actorChoice;
        this.actionChoice = actionChoice;
        this.fromDate = fromDate;
        this.toDate = toDate;
        actionChoice.getItems().setAll(AuditRow.ACTIONS);
    }

    /** The team's people (members and machine accounts) as "who" choices, after "Anyone". */
    void actors(List<Actor> actors) {
        actorChoice.getItems().setAll(Actor.ANYONE);
        actorChoice.getItems().addAll(actors);
        actorChoice.setValue(Actor.ANYONE);
    }

    /** The filter as the controls show it now (a typed action counts as much as a chosen one). */
    AuditFilter read() {
        Actor who = actorChoice.getValue();
        String what = actionChoice.getEditor().getText();
        if (what == null || what.isBlank()) {
            what = actionChoice.getValue();
        }
        return new AuditFilter(
                who == null ? null : who.id(),
                what == null || what.isBlank() ? null : what.strip(),
                day(fromDate.getValue(), 0),
                day(toDate.getValue(), 1));
    }

    void clear() {
        actorChoice.setValue(Actor.ANYONE);
        actionChoice.setValue(null);
        actionChoice.getEditor().clear();
        fromDate.setValue(null);
        toDate.setValue(null);
    }

    private static Instant day(LocalDate date, int plusDays) {
        return date == null
                ? null
                : date.plusDays(plusDays).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }
}

package dev.strongroom.desktop;

import dev.strongroom.client.item.ApiKey;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.secret.SecretText;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.testfx.matcher.control.LabeledMatchers;

/** Driving the Teams and Audit windows in tests: rows by their text, tabs by their title. */
final class TeamScreens {

    private TeamScreens() {}

    static void openTeams(DesktopHarness h) {
        h.robot.clickOn("#teamsButton");
        h.waitUntil(() -> h.showing("#teamList"));
    }

    /** The texts of a list's items, as the list shows them (toString or its cells). */
    static List<String> rows(DesktopHarness h, String list) {
        return DesktopHarness.fx(
                () ->
                        h.robot.lookup(list).<ListView<?>>query().getItems().stream()
                                .map(String::valueOf)
                                .toList());
    }

    /** The texts of the list's visible cells. */
    static List<String> cells(DesktopHarness h, String list) {
        return DesktopHarness.fx(
                () ->
                        h
                                .robot
                                .from(h.robot.lookup(list).<Node>query())
                                .lookup(".list-cell")
                                .<Labeled>queryAll()
                                .stream()
                                .map(Labeled::getText)
                                .filter(t -> t != null && !t.isEmpty())
                                .toList());
    }

    static void waitForCell(DesktopHarness h, String list, String prefix) {
        h.waitUntil(() -> cells(h, list).stream().anyMatch(t -> t.startsWith(prefix)));
    }

    /** Clicks the cell of {@code list} whose text starts with {@code prefix}. */
    static void clickCell(DesktopHarness h, String list, String prefix) {
        waitForCell(h, list, prefix);
        Node cell =
                h.robot
                        .from(h.robot.lookup(list).<Node>query())
                        .lookup(".list-cell")
                        .match((Labeled l) -> l.getText() != null && l.getText().startsWith(prefix))
                        .query();
        h.robot.clickOn(cell);
    }

    /** Opens a combo box and clicks the choice with exactly this text in its popup. */
    static void choose(DesktopHarness h, String combo, String text) {
        h.robot.clickOn(combo);
        h.robot.clickOn(
                h.robot
                        .lookup(".combo-box-popup .list-cell")
                        .match(LabeledMatchers.hasText(text))
                        .<Node>query());
    }

    /** Selects the combo box choice shown as {@code text} directly (no popup). */
    static void select(DesktopHarness h, String combo, String text) {
        h.robot.interact(() -> selectIn(h.robot.lookup(combo).query(), text));
    }

    private static <T> void selectIn(javafx.scene.control.ComboBox<T> box, String text) {
        box.setValue(
                box.getItems().stream()
                        .filter(i -> String.valueOf(i).equals(text))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no choice " + text)));
    }

    static void tab(DesktopHarness h, String title) {
        h.robot.clickOn(
                h.robot.lookup(".tab-label").match(LabeledMatchers.hasText(title)).<Node>query());
    }

    /** Column {@code column} of every row of a table. */
    static List<String> column(DesktopHarness h, String table, int column) {
        return DesktopHarness.fx(() -> columnOf(h.robot.lookup(table).query(), column));
    }

    private static <R> List<String> columnOf(TableView<R> t, int column) {
        return t.getItems().stream()
                .map(row -> String.valueOf(t.getColumns().get(column).getCellData(row)))
                .toList();
    }

    /** A safety number as the screen lays it out, back on one line. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static ItemContent apiKey(String name, String secret) {
        return ItemContent.builder(
                        new ApiKey(null, SecretText.copyOf(secret.toCharArray())),
                        name,
                        Instant.parse("2026-01-02T03:04:05Z"))
                .build();
    }
}

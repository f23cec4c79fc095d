package dev.strongroom.desktop;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.client.team.TeamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Driving the break-glass window in tests: its team choice, tabs, badge, message line, the combine
 * step's requests and opened fields, and the clipboard.
 */
final class RecoveryScreens {

    private RecoveryScreens() {}

    static void open(DesktopHarness h) {
        h.robot.clickOn("#recoveryButton");
        h.waitUntil(() -> h.showing("#recoveryTabs"));
    }

    /** Selects the tab with this id ({@code tab-approvals}, {@code tab-request}, ...). */
    static void tab(DesktopHarness h, String tabId) {
        DesktopHarness.fx(
                () -> {
                    TabPane tabs = h.robot.lookup("#recoveryTabs").query();
                    tabs.getTabs().stream()
                            .filter(t -> tabId.equals(t.getId()))
                            .findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                    return null;
                });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Chooses the team at the top of the window, once its teams are read. */
    static void team(DesktopHarness h, String name) {
        ChoiceBox<TeamInfo> choice = h.robot.lookup("#recoveryTeam").query();
        h.waitUntil(() -> choice.getItems().stream().anyMatch(t -> name.equals(t.name())));
        DesktopHarness.fx(
                () -> {
                    choice.getItems().stream()
                            .filter(t -> name.equals(t.name()))
                            .findFirst()
                            .ifPresent(choice::setValue);
                    return null;
                });
    }

    /** The badge on the Recovery button: its number, or "" while hidden. */
    static String badge(DesktopHarness h) {
        return DesktopHarness.fx(
                () -> {
                    Label badge =
                            (Label) h.robot.lookup("#recoveryButton").queryButton().getGraphic();
                    return badge.isVisible() ? badge.getText() : "";
                });
    }

    /** Waits; a timeout names what the window's labels said (its message line and policy). */
    static void waitShowing(DesktopHarness h, BooleanSupplier c) {
        try {
            h.waitUntil(c);
        } catch (AssertionError e) {
            throw new AssertionError("recovery window says: " + labels(h), e);
        }
    }

    /** The texts of the labels and list rows on screen (a failed wait shows them). */
    private static List<String> labels(DesktopHarness h) {
        return DesktopHarness.fx(
                () ->
                        Stream.concat(
                                        h.robot.lookup(".label").queryAllAs(Label.class).stream()
                                                .filter(l -> l.getScene() != null)
                                                .map(Label::getText),
                                        h
                                                .robot
                                                .lookup(".list-cell")
                                                .queryAllAs(ListCell.class)
                                                .stream()
                                                .map(ListCell::getText))
                                .filter(t -> t != null && !t.isEmpty())
                                .toList());
    }

    /** Selects the request with this id in the combine step's list of the account's requests. */
    /** Controls of the recovery window and its open tab that lack an accessible name. */
    static List<String> missingNames(FxRobot robot) {
        return DesktopHarness.fx(
                () -> {
                    TabPane tabs = robot.lookup("#recoveryTabs").query();
                    List<String> out =
                            new ArrayList<>(AccessibleNames.missing(tabs.getScene().getRoot()));
                    out.addAll(
                            AccessibleNames.missing(
                                    (Parent)
                                            tabs.getSelectionModel()
                                                    .getSelectedItem()
                                                    .getContent()));
                    return out;
                });
    }

    static void selectRequest(DesktopHarness h, String requestId) {
        ListView<PendingRequest> mine = h.robot.lookup("#mineList").query();
        waitShowing(
                h, () -> mine.getItems().stream().anyMatch(r -> r.requestId().equals(requestId)));
        DesktopHarness.fx(
                () -> {
                    mine.getItems().stream()
                            .filter(r -> r.requestId().equals(requestId))
                            .findFirst()
                            .ifPresent(mine.getSelectionModel()::select);
                    return null;
                });
    }

    /**
     * The row of the opened item's field {@code key} (its value, Reveal and Copy), kept by the test
     * so it can still press them after the pane dropped the row.
     */
    record OpenedField(Label value, ToggleButton reveal, Button copy) {

        static OpenedField of(DesktopHarness h, String key) {
            Node pane = h.robot.lookup("#openedItem").query();
            h.waitUntil(() -> h.robot.from(pane).lookup("#reveal-" + key).tryQuery().isPresent());
            return new OpenedField(
                    h.robot.from(pane).lookup("#value-" + key).query(),
                    h.robot.from(pane).lookup("#reveal-" + key).query(),
                    h.robot.from(pane).lookup("#copy-" + key).query());
        }

        String shown() {
            return DesktopHarness.fx(value::getText);
        }

        /** Hides the value if shown, presses Reveal again and returns what the row shows then. */
        String revealAgain() {
            return DesktopHarness.fx(
                    () -> {
                        if (reveal.isSelected()) {
                            reveal.fire();
                        }
                        reveal.fire();
                        return value.getText();
                    });
        }

        void pressCopy() {
            DesktopHarness.fx(
                    () -> {
                        copy.fire();
                        return null;
                    });
        }
    }

    static String clipboard() {
        return DesktopHarness.fx(RecoveryScreens::clipboardNow);
    }

    /** The clipboard's text, read on the calling thread (the FX thread: inside a wait). */
    static String clipboardNow() {
        return Clipboard.getSystemClipboard().hasString()
                ? Clipboard.getSystemClipboard().getString()
                : null;
    }

    static void putClipboard(String text) {
        DesktopHarness.fx(
                () -> {
                    ClipboardContent c = new ClipboardContent();
                    c.putString(text);
                    return Clipboard.getSystemClipboard().setContent(c);
                });
    }
}

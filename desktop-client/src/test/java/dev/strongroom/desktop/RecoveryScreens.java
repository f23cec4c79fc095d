package dev.strongroom.desktop;

import dev.strongroom.client.team.TeamInfo;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.testfx.util.WaitForAsyncUtils;

/** Driving the break-glass window in tests: its team choice, tabs, badge and message line. */
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

    private static List<String> labels(DesktopHarness h) {
        return DesktopHarness.fx(
                () ->
                        h.robot.lookup(".label").queryAllAs(Label.class).stream()
                                .filter(l -> l.getScene() != null)
                                .map(Label::getText)
                                .toList());
    }
}

package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.desktop.app.AppConfig;
import dev.strongroom.desktop.app.DesktopApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real app in a test: a fresh home directory, the embedded local vault, accounts made
 * through the UI with cheap (floor-respecting) KDF parameters so tests stay fast.
 */
final class DesktopHarness {

    static final Argon2idParams CHEAP = new Argon2idParams(19456, 2, 1);
    static final String PASSWORD = "correct horse battery staple";

    final FxRobot robot;
    final DesktopApp app;
    final Path home;

    private DesktopHarness(FxRobot robot, DesktopApp app, Path home) {
        this.robot = robot;
        this.app = app;
        this.home = home;
    }

    /** Starts the app on {@code stage} (call from a TestFX {@code @Start} method). */
    static DesktopApp start(Stage stage, Path home) {
        DesktopApp app = new DesktopApp(new AppConfig(home, CHEAP));
        app.start(stage);
        return app;
    }

    static DesktopHarness of(FxRobot robot, DesktopApp app, Path home) {
        return new DesktopHarness(robot, app, home);
    }

    /**
     * Longest wait for a condition: a ceiling, not a delay, so it is generous (a shared build host
     * under load takes well over 20 s for a first run and a registration); raise it with
     * -Dstrongroom.test.waitSeconds.
     */
    static final int WAIT_SECONDS = Integer.getInteger("strongroom.test.waitSeconds", 60);

    /** Waits (at most {@link #WAIT_SECONDS}) for a condition checked on the FX thread. */
    void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(
                    WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> condition.getAsBoolean()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + WAIT_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs on the FX thread and returns the result. */
    static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean showing(String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    String text(String query) {
        return fx(() -> ((Labeled) robot.lookup(query).query()).getText());
    }

    void type(String query, String text) {
        robot.clickOn(query);
        robot.write(text);
    }

    /** First run: the local vault. */
    void chooseLocalVault() {
        waitUntil(() -> showing("#continueButton"));
        robot.clickOn("#localOption");
        robot.clickOn("#continueButton");
        waitUntil(() -> showing("#unlockButton") && text("#whereLabel").startsWith("Local vault"));
    }

    /** Creates an account on the unlock screen and waits for the main window. */
    void register(String email) {
        robot.clickOn("#modeLink");
        robot.clickOn("#emailField");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(email);
        type("#passwordField", PASSWORD);
        type("#confirmField", PASSWORD);
        robot.clickOn("#unlockButton");
        waitForMain();
    }

    /** Unlocks with the account's password and waits for the main window. */
    void unlock() {
        waitUntil(
                () ->
                        showing("#unlockButton")
                                && !robot.lookup("#unlockButton").queryButton().isDisabled());
        type("#passwordField", PASSWORD);
        robot.clickOn("#unlockButton");
        waitForMain();
    }

    void waitForMain() {
        waitUntil(
                () ->
                        app.account() != null
                                && showing("#itemList")
                                && text("#countLabel").endsWith("items"));
    }

    /** Clicks the list row of the item called {@code name}. */
    void selectItem(String name) {
        Node list = robot.lookup("#itemList").query();
        robot.clickOn(
                robot.from(list)
                        .lookup(".item-name")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText(name))
                        .<Node>query());
    }

    /** Items currently listed, by name. */
    java.util.List<String> listedNames() {
        return fx(
                () ->
                        robot
                                .lookup("#itemList")
                                .<javafx.scene.control.ListView<
                                                dev.strongroom.desktop.items.ItemSummary>>
                                        query()
                                .getItems()
                                .stream()
                                .map(dev.strongroom.desktop.items.ItemSummary::name)
                                .toList());
    }

    void assertListed(String... names) {
        waitUntil(() -> listedNames().equals(java.util.List.of(names)));
        assertThat(listedNames()).containsExactly(names);
    }

    /** Runs client-core work on the app's worker (where the app uses client-core) and waits. */
    <T> T onWorker(java.util.function.Function<dev.strongroom.client.vault.VaultService, T> work) {
        dev.strongroom.client.vault.VaultService vaults = app.account().vaults();
        return onAccount(account -> work.apply(vaults));
    }

    /** Runs work with the open account on the app's worker and waits for its result. */
    <T> T onAccount(java.util.function.Function<dev.strongroom.desktop.app.OpenAccount, T> work) {
        java.util.concurrent.CompletableFuture<T> result =
                new java.util.concurrent.CompletableFuture<>();
        dev.strongroom.desktop.app.OpenAccount account = app.account();
        fx(
                () ->
                        app.context()
                                .background()
                                .run(
                                        () -> work.apply(account),
                                        result::complete,
                                        result::completeExceptionally));
        try {
            return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of the stored content of the item called {@code name} (the caller closes it). */
    dev.strongroom.client.item.ItemContent stored(String name) {
        return onWorker(
                vaults ->
                        vaults.listVaults().stream()
                                .flatMap(v -> vaults.list(v.vaultId()).stream())
                                .filter(i -> i.content().name().equals(name))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("not stored: " + name))
                                .content()
                                .copy());
    }
}

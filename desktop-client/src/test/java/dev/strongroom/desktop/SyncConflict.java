package dev.strongroom.desktop;

import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.vault.VaultService;
import java.util.function.Function;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;

/**
 * One real sync conflict on one item and the app's way through it, shared by ConflictDialogTest
 * (which checks the dialogs) and ScreenshotTest (which captures them): the same account edits the
 * item on a second device (client-core) and in the app before the app synced; then "Sync", the
 * status bar's indicator, the sync dialog listing the conflict, the conflict dialog and "Keep
 * mine". Each step waits until the app shows its outcome, so a step the app does not take fails the
 * test.
 */
final class SyncConflict {

    final String vault;
    final String item;
    private final DesktopHarness h;
    private final FxRobot robot;

    private SyncConflict(DesktopHarness h, String vault, String item) {
        this.h = h;
        this.robot = h.robot;
        this.vault = vault;
        this.item = item;
    }

    /** Adds {@code original} in the app's account to the vault {@code pickVault} names, synced. */
    static SyncConflict add(
            DesktopHarness h, Function<VaultService, String> pickVault, ItemContent original) {
        String[] ref =
                h.onAccount(
                        account -> {
                            String vault = pickVault.apply(account.vaults());
                            String item = account.vaults().add(vault, original);
                            account.sync();
                            return new String[] {vault, item};
                        });
        return new SyncConflict(h, ref[0], ref[1]);
    }

    /**
     * {@code laptop} (the same account) edits the item to {@code theirs} and syncs; then the app,
     * not having pulled that, edits it to {@code mine} and syncs. Returns the app's open conflicts.
     */
    int editOnBoth(CoreDevice laptop, ItemContent theirs, ItemContent mine) {
        laptop.engine.pull();
        laptop.vaults.edit(vault, item, theirs);
        laptop.vaults.sync();
        return h.onAccount(
                account -> {
                    account.vaults().edit(vault, item, mine);
                    account.sync();
                    return account.conflicts();
                });
    }

    /** "Sync" until the indicator says "1 to resolve"; it opens the sync dialog listing one. */
    void openSyncDialog() {
        robot.clickOn("#syncButton");
        h.waitUntil(
                () ->
                        robot.lookup("#syncIndicator")
                                .queryButton()
                                .getText()
                                .contains("1 to resolve"));
        robot.clickOn("#syncIndicator");
        h.waitUntil(
                () -> robot.lookup("#conflictList").queryAs(ListView.class).getItems().size() == 1);
    }

    /** "Resolve" in the sync dialog opens the conflict dialog with both versions. */
    void openConflictDialog() {
        robot.clickOn("#resolveButton");
        h.waitUntil(() -> robot.lookup("#mine-Name").tryQuery().isPresent());
    }

    /** "Keep mine" closes the conflict dialog and the indicator is back to plain online. */
    void keepMine() {
        robot.clickOn("#keepMineButton");
        h.waitUntil(() -> robot.lookup("#versionsGrid").tryQuery().isEmpty());
        h.waitUntil(
                () -> robot.lookup("#syncIndicator").queryButton().getText().equals("● Online"));
    }
}

package dev.strongroom.desktop.recovery;

import javafx.scene.Parent;

/** One tab of the break-glass window. */
interface RecoveryView {

    /** The tab's title. */
    String title();

    Parent view();

    /** Re-reads what the tab shows for the team now chosen (null: the account has no team). */
    void show(String teamId);

    /** The window was hidden or the app locked: drop anything secret the tab still shows. */
    default void hide() {}
}

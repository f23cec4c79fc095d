package dev.strongroom.desktop.app;

import dev.strongroom.client.account.ServerProfile;

/** Moves the main window between the app's screens; implemented by {@link DesktopApp}. */
public interface Navigator {

    /** The choice between a local vault and a server. */
    void showFirstRun();

    /** Local vault chosen on the first-run screen: saved, then the unlock screen. */
    void useLocalVault();

    /** Server chosen (its profile saved with the pin the user accepted): the unlock screen. */
    void useServer(ServerProfile profile);

    /**
     * Locks and moves to another saved server profile ({@code profileName}), or to the local vault
     * when it is null: the unlock screen then connects there.
     */
    void switchServer(String profileName);

    /** Email and master password (connects to the chosen server first). */
    void showUnlock();

    /** The main window over an unlocked account. */
    void showMain(OpenAccount account);

    /**
     * Wipes the keys and the clipboard (if still ours), closes dialogs, shows the unlock screen.
     */
    void lock();
}

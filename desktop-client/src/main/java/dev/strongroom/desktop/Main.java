package dev.strongroom.desktop;

import javafx.application.Application;

/**
 * Entry point of the desktop app. A plain class (not an {@link Application}) so the shaded jar
 * starts with JavaFX on the class path; answers {@code --version} without starting JavaFX, so
 * packaging checks can run headless.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        for (String arg : args) {
            if (arg.equals("--version")) {
                System.out.println("strongroom-desktop " + version());
                return;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(
                        "usage: strongroom-desktop [--version]\n"
                                + "Data and settings live in $STRONGROOM_DESKTOP_HOME, else"
                                + " $XDG_DATA_HOME/strongroom-desktop, else"
                                + " ~/.local/share/strongroom-desktop.");
                return;
            }
        }
        Application.launch(StrongroomApp.class, args);
    }

    /** The build's version from the jar manifest, or "dev" when run from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}

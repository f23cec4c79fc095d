package dev.strongroom.desktop.common;

import dev.strongroom.desktop.app.Settings;
import javafx.scene.Scene;

/**
 * The one stylesheet, {@code strongroom.css}, with a light palette on {@code .root} and a dark one
 * on {@code .root.dark}: switching themes only toggles that style class.
 */
public final class Themes {

    static final String STYLESHEET = "/dev/strongroom/desktop/strongroom.css";
    public static final String DARK = "dark";

    private Themes() {}

    public static void apply(Scene scene, Settings.Theme theme) {
        String css = Themes.class.getResource(STYLESHEET).toExternalForm();
        if (!scene.getStylesheets().contains(css)) {
            scene.getStylesheets().add(css);
        }
        var classes = scene.getRoot().getStyleClass();
        classes.remove(DARK);
        if (theme == Settings.Theme.DARK) {
            classes.add(DARK);
        }
    }
}

package dev.strongroom.desktop.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML (beside its controller class, in the feature's resource package) with a
 * controller object the caller built, so controllers take their dependencies in constructors.
 */
public final class Views {

    private Views() {}

    public static Parent load(Object controller, String fxml) {
        URL url = controller.getClass().getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("missing view " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + fxml, e);
        }
    }
}

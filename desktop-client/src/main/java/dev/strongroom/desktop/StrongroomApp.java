package dev.strongroom.desktop;

import dev.strongroom.desktop.app.AppConfig;
import dev.strongroom.desktop.app.DesktopApp;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: a shell that hands the primary stage to {@link DesktopApp}. */
public final class StrongroomApp extends Application {

    private DesktopApp app;

    @Override
    public void start(Stage stage) {
        app = new DesktopApp(AppConfig.fromEnvironment(System.getenv()));
        app.start(stage);
    }

    @Override
    public void stop() {
        if (app != null) {
            app.shutdown();
        }
    }
}

package dev.strongroom.desktop.recovery;

import dev.strongroom.desktop.app.AppContext;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What the break-glass views share: the app context, client-core through {@link RecoveryDesk}, the
 * team chosen at the top of the window, the window's message line and the badge refresh.
 */
final class RecoveryContext {

    private final AppContext app;
    private final RecoveryDesk desk;
    private final Consumer<String> say;
    private final Runnable changed;
    private String teamId;

    RecoveryContext(AppContext app, RecoveryDesk desk, Consumer<String> say, Runnable changed) {
        this.app = app;
        this.desk = desk;
        this.say = say;
        this.changed = changed;
    }

    AppContext app() {
        return app;
    }

    RecoveryDesk desk() {
        return desk;
    }

    String teamId() {
        return teamId;
    }

    void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    void say(String message) {
        say.accept(message);
    }

    /** Something was decided or set: the inbox badge is recounted. */
    void changed() {
        changed.run();
    }

    /** Runs client-core work on the worker; a failure becomes the window's message. */
    <T> void run(Callable<T> work, Consumer<T> done) {
        app.background().run(work, done, failure -> say(plain(failure)));
    }

    /** The plain sentence of a failure (client-core's messages are written for users). */
    static String plain(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? "Something went wrong: " + t.getClass().getSimpleName() : m;
    }
}

package dev.strongroom.desktop.main;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The main window's keyboard shortcuts: Ctrl+F search, Ctrl+C copy password, Ctrl+B copy username,
 * Ctrl+L lock, Ctrl+N new item (Cmd on macOS). Ctrl+C inside a text field with a selection keeps
 * its usual meaning.
 */
final class Shortcuts {

    interface Actions {
        void focusSearch();

        void copyPassword();

        void copyUsername();

        void lock();

        void newItem();
    }

    static final KeyCombination FIND = KeyCombination.keyCombination("Shortcut+F");
    static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");
    static final KeyCombination USER = KeyCombination.keyCombination("Shortcut+B");
    static final KeyCombination LOCK = KeyCombination.keyCombination("Shortcut+L");
    static final KeyCombination NEW = KeyCombination.keyCombination("Shortcut+N");

    private final Actions actions;
    private final javafx.event.EventHandler<KeyEvent> filter = this::handle;

    Shortcuts(Actions actions) {
        this.actions = actions;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    private void handle(KeyEvent e) {
        if (FIND.match(e)) {
            actions.focusSearch();
        } else if (COPY.match(e)) {
            if (textSelected(e)) {
                return;
            }
            actions.copyPassword();
        } else if (USER.match(e)) {
            actions.copyUsername();
        } else if (LOCK.match(e)) {
            actions.lock();
        } else if (NEW.match(e)) {
            actions.newItem();
        } else {
            return;
        }
        e.consume();
    }

    private static boolean textSelected(KeyEvent e) {
        Node focus = e.getTarget() instanceof Node n ? n.getScene().getFocusOwner() : null;
        return focus instanceof TextInputControl t && !t.getSelectedText().isEmpty();
    }
}

package dev.strongroom.desktop.common;

import dev.strongroom.client.secret.SecretText;
import java.util.Arrays;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A password field whose secret never becomes a {@link String} held by the control.
 *
 * <p>JavaFX exposes a {@link PasswordField}'s content only as Strings ({@code getText()}, the
 * content's {@code get()}), its skin rebuilds a String of the text on every change, and its undo
 * history keeps Strings of every edit. So this field keeps the typed characters in a {@code char[]}
 * of its own: a {@link TextFormatter} filter sees every edit (typing, paste, delete, cut), applies
 * it to that array and lets the control store only placeholder characters of the same length. The
 * skin masks them with bullets as usual; caret, selection and deletion work unchanged.
 *
 * <p>Limits, honestly: each typed character still arrives as a one-character String in its {@link
 * KeyEvent} (and a paste as the clipboard's String); those are short-lived garbage we cannot wipe.
 * Undo and redo are disabled (they would replay placeholders). {@link #wipe()} zeroes the array; it
 * runs when the field leaves its window, when that window is hidden, and after each use.
 */
public class SecretField extends PasswordField {

    /** A private-use character: never typed, masked by the skin like any other. */
    static final char PLACEHOLDER = '\uE000';

    private char[] chars = new char[0];

    public SecretField() {
        setTextFormatter(new TextFormatter<>(this::filter));
        // Undo/redo would re-insert placeholders the array cannot map back to characters.
        addEventFilter(
                KeyEvent.KEY_PRESSED,
                e -> {
                    if (UNDO.match(e) || REDO.match(e) || REDO_ALT.match(e)) {
                        e.consume();
                    }
                });
        setContextMenu(new ContextMenu());
        sceneProperty()
                .addListener(
                        (obs, old, scene) -> {
                            if (scene == null) {
                                wipe();
                            } else {
                                scene.windowProperty()
                                        .addListener(
                                                (o, oldWindow, window) -> {
                                                    if (window != null) {
                                                        window.addEventHandler(
                                                                javafx.stage.WindowEvent
                                                                        .WINDOW_HIDDEN,
                                                                ev -> wipe());
                                                    }
                                                });
                            }
                        });
    }

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_ALT =
            KeyCombination.keyCombination("Shortcut+Shift+Z");

    private TextFormatter.Change filter(TextFormatter.Change change) {
        if (!change.isContentChange()) {
            return change;
        }
        String inserted = change.getText();
        if (inserted.indexOf(PLACEHOLDER) >= 0) {
            return null; // an undo/redo replay or our own refill: not new characters
        }
        int start = change.getRangeStart();
        int end = change.getRangeEnd();
        char[] next = new char[chars.length - (end - start) + inserted.length()];
        System.arraycopy(chars, 0, next, 0, start);
        inserted.getChars(0, inserted.length(), next, start);
        System.arraycopy(chars, end, next, start + inserted.length(), chars.length - end);
        Arrays.fill(chars, '\0');
        chars = next;
        change.setText(String.valueOf(PLACEHOLDER).repeat(inserted.length()));
        return change;
    }

    /** A copy of the secret; the caller owns and wipes it. */
    public char[] copyChars() {
        return chars.clone();
    }

    /** The secret as a {@link SecretText} the caller owns, or null when the field is empty. */
    public SecretText toSecretText() {
        return chars.length == 0 ? null : SecretText.copyOf(chars);
    }

    public int secretLength() {
        return chars.length;
    }

    /** Replaces the content with a copy of {@code value} (the caller keeps and wipes its array). */
    public void setSecret(char[] value) {
        wipe();
        chars = value.clone();
        // Bypass the filter: the placeholders stand for the characters just stored.
        setTextFormatter(null);
        setText(String.valueOf(PLACEHOLDER).repeat(chars.length));
        setTextFormatter(new TextFormatter<>(this::filter));
    }

    /** Zeroes the secret and empties the field. */
    public void wipe() {
        Arrays.fill(chars, '\0');
        chars = new char[0];
        setTextFormatter(null);
        clear();
        setTextFormatter(new TextFormatter<>(this::filter));
    }
}

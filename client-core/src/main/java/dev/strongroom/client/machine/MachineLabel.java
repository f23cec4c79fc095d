package dev.strongroom.client.machine;

/**
 * A machine's display name as carried in the email field of its self-signed public bundle ({@code
 * machine:<name>}): the name is signed into the add_machine entry, so every client shows the name
 * the admin chose, not one the server substituted, and exposure reports name the machine.
 */
final class MachineLabel {

    static final String PREFIX = "machine:";
    static final int MAX_NAME = 100;

    private MachineLabel() {}

    /** The bundle label for a checked name. */
    static String of(String name) {
        return PREFIX + check(name);
    }

    /** The name in a bundle label, or null if the label is not a machine's. */
    static String nameOf(String label) {
        return label != null && label.startsWith(PREFIX) ? label.substring(PREFIX.length()) : null;
    }

    /** The rules the server applies to a name: 1 to 100 characters, no control characters. */
    static String check(String name) {
        if (name == null
                || name.isBlank()
                || name.codePointCount(0, name.length()) > MAX_NAME
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new MachineException(
                    "a machine name is 1 to "
                            + MAX_NAME
                            + " characters without control characters");
        }
        return name;
    }
}

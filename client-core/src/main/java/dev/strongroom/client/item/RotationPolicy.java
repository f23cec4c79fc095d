package dev.strongroom.client.item;

import java.time.LocalDate;
import java.util.Objects;

/** "Rotate every N days", counted from the date the secret was last rotated. */
public record RotationPolicy(int everyDays, LocalDate lastRotated) {

    public static final int MAX_DAYS = 3650;

    public RotationPolicy {
        if (everyDays < 1 || everyDays > MAX_DAYS) {
            throw new ItemValidationException(
                    "rotation.everyDays", "must be 1 to " + MAX_DAYS + " days");
        }
        if (lastRotated == null) {
            throw new ItemValidationException("rotation.lastRotated", "is required");
        }
    }

    /** The date the next rotation is due: lastRotated + everyDays. */
    public LocalDate dueOn() {
        return lastRotated.plusDays(everyDays);
    }

    /** The same policy, rotated on {@code date}. */
    public RotationPolicy rotatedOn(LocalDate date) {
        return new RotationPolicy(everyDays, Objects.requireNonNull(date, "date"));
    }
}

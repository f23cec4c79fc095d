package dev.strongroom.server.http;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.Emails;

/** Field checks shared by endpoints; each failure is a 400 naming the field (413 if too big). */
public final class Check {

    private Check() {}

    /** A blob of at least min and at most max bytes; over max is 413. */
    public static byte[] blob(byte[] value, String field, int min, int max) {
        if (value.length > max) {
            throw new PayloadTooLargeException(field + " is larger than " + max + " bytes");
        }
        if (value.length < min) {
            throw new BadRequestException(field + " must be at least " + min + " bytes");
        }
        return value;
    }

    /** A blob of exactly n bytes. */
    public static byte[] exactly(byte[] value, String field, int n) {
        if (value.length != n) {
            throw new BadRequestException(field + " must be " + n + " bytes");
        }
        return value;
    }

    /** Base64url text decoding to exactly n bytes. */
    public static byte[] base64(String value, String field, int n) {
        if (value == null) {
            throw new BadRequestException(
                    ErrorCode.MISSING_FIELD, "field '" + field + "' is required");
        }
        try {
            return exactly(Base64Url.decode(value), field, n);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + " must be base64url without padding");
        }
    }

    /** A normalised email (400 if implausible). */
    public static String email(String value) {
        try {
            return Emails.normalize(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("email is not a valid address");
        }
    }

    /** Short human text (device names...): 1..max code points, no control characters. */
    public static String label(String value, String field, int max) {
        if (value.isBlank()
                || value.codePointCount(0, value.length()) > max
                || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(
                    field + " must be 1 to " + max + " characters without control characters");
        }
        return value;
    }
}

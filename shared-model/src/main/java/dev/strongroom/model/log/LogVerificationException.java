package dev.strongroom.model.log;

/**
 * A membership-log entry was refused. On the server this is a 4xx for the uploader; on a client it
 * is a security alert: the server served a forged, reordered, forked or rewound log. {@code code}
 * is stable and machine readable; the message names the entry and the rule, never key material.
 */
public class LogVerificationException extends RuntimeException {

    private final String code;

    public LogVerificationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

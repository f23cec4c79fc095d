package dev.strongroom.client.alert;

import java.util.Objects;

/**
 * The client refused something a server (or a file the server influenced) presented, because
 * accepting it would break one of the zero-knowledge guarantees: a weaker KDF, a bad signature, a
 * substituted key, a rolled-back or forked log, and so on. It is an attack or a serious fault, not
 * a user error, and must never be retried silently or downgraded to a warning.
 *
 * <p>Front ends switch on {@link #code()} (the CLI maps every alert to exit code 6); {@link
 * #getMessage()} is a plain-language sentence for the user. Neither ever contains a secret: no key,
 * password, token or plaintext, only what kind of thing was wrong.
 */
public final class SecurityAlert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SecurityAlertCode code;

    /**
     * @param code what kind of attack or fault was detected
     * @param detail a plain-language sentence on what exactly was refused (no secrets)
     */
    public SecurityAlert(SecurityAlertCode code, String detail) {
        super(message(code, detail));
        this.code = code;
    }

    /** As {@link #SecurityAlert(SecurityAlertCode, String)}, keeping the low-level cause. */
    public SecurityAlert(SecurityAlertCode code, String detail, Throwable cause) {
        super(message(code, detail), cause);
        this.code = code;
    }

    public SecurityAlertCode code() {
        return code;
    }

    private static String message(SecurityAlertCode code, String detail) {
        Objects.requireNonNull(code, "code");
        return detail == null || detail.isBlank()
                ? code.description()
                : code.description() + ": " + detail;
    }
}

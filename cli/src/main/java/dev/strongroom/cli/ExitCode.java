package dev.strongroom.cli;

/**
 * The documented, stable exit codes. Scripts rely on them: never renumber, only add.
 *
 * <table>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>error (anything not listed below)</td></tr>
 *   <tr><td>2</td><td>usage: unknown command, malformed flag or argument</td></tr>
 *   <tr><td>3</td><td>authentication: wrong password, locked, expired or revoked token</td></tr>
 *   <tr><td>4</td><td>not found: item, vault, team or reference</td></tr>
 *   <tr><td>5</td><td>conflict: someone changed it meanwhile</td></tr>
 *   <tr><td>6</td><td>security alert: the server or a file tried something the client refuses</td></tr>
 * </table>
 */
public enum ExitCode {
    OK(0),
    ERROR(1),
    USAGE(2),
    AUTHENTICATION(3),
    NOT_FOUND(4),
    CONFLICT(5),
    SECURITY_ALERT(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

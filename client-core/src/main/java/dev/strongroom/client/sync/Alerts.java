package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.model.log.LogVerificationException;

/** Maps verification failures to the security alert that names them. */
final class Alerts {

    private Alerts() {}

    static SecurityAlert of(SecurityAlertCode code, String detail) {
        return new SecurityAlert(code, detail);
    }

    static SecurityAlert log(String teamId, LogVerificationException e) {
        SecurityAlertCode code =
                switch (e.code()) {
                    case "fork", "bad_genesis", "wrong_team" -> SecurityAlertCode.LOG_FORK;
                    case "bad_sequence" -> SecurityAlertCode.LOG_ROLLBACK;
                    case "bad_signature" -> SecurityAlertCode.BAD_SIGNATURE;
                    case "not_permitted" -> SecurityAlertCode.UNAUTHORIZED_CHANGE;
                    case "unsupported_format" -> SecurityAlertCode.FORMAT_DOWNGRADE;
                    case "bad_bundle" -> SecurityAlertCode.KEY_SUBSTITUTION;
                    default -> SecurityAlertCode.TAMPERED_DATA;
                };
        return new SecurityAlert(
                code, "membership log of team " + teamId + " refused: " + e.code(), e);
    }
}

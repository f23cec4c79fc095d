package dev.strongroom.desktop.alerts;

import dev.strongroom.client.alert.SecurityAlertCode;

/** Plain-language "what happened" and "what to do" for each kind of security alert. */
final class AlertTexts {

    private AlertTexts() {}

    static String headline(SecurityAlertCode code) {
        switch (code) {
            case KDF_DOWNGRADE:
            case KDF_OUT_OF_RANGE:
                return "The server asked for weaker protection of your master password";
            case SERVER_NOT_AUTHENTICATED:
                return "The server could not prove it is your server";
            case TLS_PIN_MISMATCH:
                return "The server's certificate is not the one you trusted";
            case KEY_SUBSTITUTION:
            case UNEXPECTED_KEY_CHANGE:
                return "Someone's encryption key was swapped";
            case LOG_FORK:
            case LOG_ROLLBACK:
            case HEAD_ROLLBACK:
                return "The server showed an old or altered version of your vault";
            case UNAUTHENTICATED_STATE:
            case UNAUTHORIZED_CHANGE:
                return "The server showed a change nobody was allowed to make";
            default:
                return "Data from the server failed its integrity check";
        }
    }

    static String advice(SecurityAlertCode code) {
        switch (code) {
            case KDF_DOWNGRADE:
            case KDF_OUT_OF_RANGE:
            case SERVER_NOT_AUTHENTICATED:
            case TLS_PIN_MISMATCH:
                return "Strongroom refused it and sent nothing secret. Do not type your master"
                        + " password again for this server until your administrator has checked"
                        + " it: someone may be impersonating the server.";
            default:
                return "Strongroom refused the data and kept what it had verified before. Nothing"
                        + " you stored was changed. Syncing stays stopped for this session. Tell"
                        + " your administrator: this can mean the server was tampered with.";
        }
    }
}

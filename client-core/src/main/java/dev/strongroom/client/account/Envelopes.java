package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.InvalidPassphraseException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import java.util.function.Supplier;

/**
 * Opening account ciphertext that a server returned after it proved (SRP M2) that it holds this
 * password's verifier. At that point the password is known to be right, so a wrap that does not
 * authenticate was altered: that is an alert, not a wrong password.
 */
final class Envelopes {

    private Envelopes() {}

    static <T> T open(Supplier<T> opener, String what) {
        try {
            return opener.get();
        } catch (UnsupportedFormatException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.FORMAT_DOWNGRADE,
                    what + " is in an unsupported format (" + e.detected() + ")",
                    e);
        } catch (InvalidPassphraseException
                | AuthenticationFailedException
                | MalformedInputException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA,
                    what + " from the server does not open although the password is right",
                    e);
        }
    }
}

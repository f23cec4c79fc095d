package dev.strongroom.crypto.envelope;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.SymmetricKey;

/** Test helper: parse and open, mapping exactly the three expected refusals to false. */
final class EnvelopeChecks {

    private EnvelopeChecks() {}

    /**
     * True if the bytes parse and open; false if refused as unsupported, malformed or
     * unauthenticated. Any other exception propagates and fails the test.
     */
    static boolean opens(byte[] envelope, SymmetricKey key, byte[] context) {
        try {
            UnverifiedEnvelope.parse(envelope).open(key, context);
            return true;
        } catch (UnsupportedFormatException
                | MalformedInputException
                | AuthenticationFailedException e) {
            return false;
        }
    }
}

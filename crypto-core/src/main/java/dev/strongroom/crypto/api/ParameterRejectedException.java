package dev.strongroom.crypto.api;

/**
 * A parameter is outside what crypto-core accepts: a KDF cost below the security floor or above the
 * resource ceiling, a share threshold out of range, a key of the wrong length. The message names
 * the parameter, the value and the allowed range (none of which are secret).
 */
public class ParameterRejectedException extends CryptoException {

    public ParameterRejectedException(String message) {
        super(message);
    }
}

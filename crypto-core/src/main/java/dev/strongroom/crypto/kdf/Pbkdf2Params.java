package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.ParameterRejectedException;

/**
 * PBKDF2-HMAC-SHA256 parameters, the alternative KDF for installations that need a FIPS-style
 * construction. The floor (600,000 iterations, the OWASP 2023 figure for HMAC-SHA256) stops a
 * downgrade; the ceiling (10,000,000, about 5 s on a laptop) stops a parameter set that would hang
 * the client.
 *
 * @param iterations PBKDF2 iteration count c
 */
public record Pbkdf2Params(int iterations) implements KdfParams {

    public static final int MIN_ITERATIONS = 600_000;
    public static final int MAX_ITERATIONS = 10_000_000;

    public static final Pbkdf2Params DEFAULT = new Pbkdf2Params(600_000);

    public Pbkdf2Params {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new ParameterRejectedException(
                    "PBKDF2 iterations "
                            + iterations
                            + " is outside the allowed range ["
                            + MIN_ITERATIONS
                            + ", "
                            + MAX_ITERATIONS
                            + "]");
        }
    }
}

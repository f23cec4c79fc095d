package dev.strongroom.client.cert;

import java.time.Duration;
import java.time.Instant;

/**
 * What a person needs to see about one X.509 certificate. Names are RFC 2253 strings; the
 * fingerprint is SHA-256 of the DER encoding in OpenSSL's {@code AB:CD:...} form.
 */
public record CertificateInfo(
        String subject,
        String issuer,
        String serialHex,
        Instant notBefore,
        Instant notAfter,
        String sha256Fingerprint,
        String publicKeyAlgorithm) {

    /**
     * Whole days from {@code now} until notAfter, rounded down: 0 on the last day, negative once
     * expired (-1 during the first day after expiry).
     */
    public long daysToExpiry(Instant now) {
        return Math.floorDiv(Duration.between(now, notAfter).getSeconds(), 86_400L);
    }

    public boolean isExpired(Instant now) {
        return now.isAfter(notAfter);
    }

    public boolean isNotYetValid(Instant now) {
        return now.isBefore(notBefore);
    }
}

package dev.strongroom.crypto.asym;

import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;

/**
 * Decoded Ed25519 public keys, kept so that verifying many signatures by one author (a cold sync
 * checks one per item, nearly all by a few members) decodes and validates the author's point once
 * instead of per signature; that decoding was about a sixth of each verification.
 *
 * <p>Only keys that pass Bouncy Castle's full validation (canonical, on the curve, in the
 * prime-order subgroup) are kept, and for those the point path accepts exactly the signatures the
 * encoded-key path accepts; any other key returns null and is verified the old way, so nothing is
 * accepted or refused differently. Public data only. Bounded: when full, it is cleared and
 * refilled.
 */
final class DecodedKeys {

    private static final int MAX = 4096;
    private static final ConcurrentHashMap<Ed25519PublicKey, PublicPoint> POINTS =
            new ConcurrentHashMap<>();

    private DecodedKeys() {}

    /** The validated point of {@code pk}, or null if it does not pass full validation. */
    static PublicPoint point(Ed25519PublicKey pk) {
        PublicPoint cached = POINTS.get(pk);
        if (cached != null) {
            return cached;
        }
        PublicPoint point =
                org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(pk.view(), 0);
        if (point != null) {
            if (POINTS.size() >= MAX) {
                POINTS.clear();
            }
            POINTS.put(pk, point);
        }
        return point;
    }
}

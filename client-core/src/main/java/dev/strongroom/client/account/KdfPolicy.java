package dev.strongroom.client.account;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;
import java.util.Optional;

/**
 * What KDF parameters the client accepts from a server: never below the floors (crypto-core's
 * parameter records), never beyond the ceilings, never weaker than what is pinned for the account.
 *
 * <p>"Weaker than the pin": for Argon2id, less memory or fewer passes than pinned (parallelism is
 * not compared: at equal memory and passes, fewer lanes cost an attacker no less work); for PBKDF2,
 * fewer iterations; switching from a pinned Argon2id to PBKDF2 is a downgrade (memory-hard to not),
 * from a pinned PBKDF2 to Argon2id an upgrade.
 */
final class KdfPolicy {

    private KdfPolicy() {}

    /** The offered parameters as crypto-core parameters, or a {@link SecurityAlert}. */
    static KdfParams accept(dev.strongroom.model.wire.KdfParams offered, Optional<KdfParams> pin) {
        KdfParams params = fromWire(offered);
        pin.ifPresent(
                pinned -> {
                    if (weaker(params, pinned)) {
                        throw new SecurityAlert(
                                SecurityAlertCode.KDF_DOWNGRADE,
                                "offered "
                                        + describe(params)
                                        + " but this device pinned "
                                        + describe(pinned)
                                        + " for the account");
                    }
                });
        return params;
    }

    static KdfParams fromWire(dev.strongroom.model.wire.KdfParams offered) {
        String algorithm = offered.algorithm();
        if (dev.strongroom.model.wire.KdfParams.ARGON2ID.equals(algorithm)) {
            int m = offered.memoryKib();
            int t = offered.iterations();
            int p = offered.parallelism();
            if (m < Argon2idParams.MIN_MEMORY_KIB
                    || t < Argon2idParams.MIN_ITERATIONS
                    || p < Argon2idParams.MIN_PARALLELISM) {
                throw new SecurityAlert(
                        SecurityAlertCode.KDF_DOWNGRADE,
                        "offered Argon2id m="
                                + m
                                + " KiB t="
                                + t
                                + " p="
                                + p
                                + ", below the floor m="
                                + Argon2idParams.MIN_MEMORY_KIB
                                + " t="
                                + Argon2idParams.MIN_ITERATIONS);
            }
            try {
                return new Argon2idParams(m, t, p);
            } catch (ParameterRejectedException e) {
                throw new SecurityAlert(SecurityAlertCode.KDF_OUT_OF_RANGE, e.getMessage(), e);
            }
        }
        if (dev.strongroom.model.wire.KdfParams.PBKDF2_SHA256.equals(algorithm)) {
            int c = offered.iterations();
            if (c < Pbkdf2Params.MIN_ITERATIONS) {
                throw new SecurityAlert(
                        SecurityAlertCode.KDF_DOWNGRADE,
                        "offered PBKDF2 with "
                                + c
                                + " iterations, below the floor of "
                                + Pbkdf2Params.MIN_ITERATIONS);
            }
            try {
                return new Pbkdf2Params(c);
            } catch (ParameterRejectedException e) {
                throw new SecurityAlert(SecurityAlertCode.KDF_OUT_OF_RANGE, e.getMessage(), e);
            }
        }
        // The wire record refuses unknown algorithms while parsing; this is defence in depth.
        throw new SecurityAlert(SecurityAlertCode.KDF_DOWNGRADE, "offered an unknown KDF");
    }

    static boolean weaker(KdfParams offered, KdfParams pinned) {
        if (pinned instanceof Argon2idParams p) {
            return !(offered instanceof Argon2idParams o)
                    || o.memoryKiB() < p.memoryKiB()
                    || o.iterations() < p.iterations();
        }
        Pbkdf2Params p = (Pbkdf2Params) pinned;
        return offered instanceof Pbkdf2Params o && o.iterations() < p.iterations();
    }

    static dev.strongroom.model.wire.KdfParams toWire(KdfParams params, byte[] salt) {
        if (params instanceof Argon2idParams a) {
            return dev.strongroom.model.wire.KdfParams.argon2id(
                    a.memoryKiB(), a.iterations(), a.parallelism(), salt);
        }
        return dev.strongroom.model.wire.KdfParams.pbkdf2(
                ((Pbkdf2Params) params).iterations(), salt);
    }

    static String describe(KdfParams params) {
        if (params instanceof Argon2idParams a) {
            return "Argon2id m="
                    + a.memoryKiB()
                    + " KiB t="
                    + a.iterations()
                    + " p="
                    + a.parallelism();
        }
        return "PBKDF2 c=" + ((Pbkdf2Params) params).iterations();
    }
}

package dev.strongroom.desktop.settings;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.kdf.Pbkdf2Params;

/** How the settings describe password-hashing parameters, and whether they are worth upgrading. */
final class KdfStrength {

    /** What an upgrade moves to: the parameters new accounts get. */
    static final Argon2idParams RECOMMENDED = Argon2idParams.DEFAULT;

    private KdfStrength() {}

    static String describe(KdfParams params) {
        if (params instanceof Argon2idParams a) {
            return "Argon2id, "
                    + a.memoryKiB() / 1024
                    + " MiB, "
                    + a.iterations()
                    + " passes, "
                    + a.parallelism()
                    + (a.parallelism() == 1 ? " lane" : " lanes");
        }
        Pbkdf2Params p = (Pbkdf2Params) params;
        return "PBKDF2-HMAC-SHA256, " + p.iterations() + " iterations";
    }

    /** True if the recommended parameters cost an attacker more in memory or in time. */
    static boolean belowRecommended(KdfParams params) {
        if (params instanceof Argon2idParams a) {
            return a.memoryKiB() < RECOMMENDED.memoryKiB()
                    || a.iterations() < RECOMMENDED.iterations();
        }
        return true; // PBKDF2 is not memory-hard
    }
}

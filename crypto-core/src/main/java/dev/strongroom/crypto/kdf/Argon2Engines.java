package dev.strongroom.crypto.kdf;

import dev.strongroom.crypto.api.CryptoException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Chooses the Argon2 engine once per JVM: native libargon2 when it loads and passes a self-test,
 * Bouncy Castle otherwise. The system property {@value #PROPERTY} overrides the choice: {@code
 * auto} (default), {@code native} (fail rather than fall back) or {@code java} (always Bouncy
 * Castle, e.g. where loading native code is not wanted). Both engines give identical output, so the
 * choice affects speed only, never the derived keys.
 */
final class Argon2Engines {

    static final String PROPERTY = "strongroom.argon2.engine";

    private Argon2Engines() {}

    /** Lazily initialised holder: the native load is attempted exactly once, on first use. */
    private static final class Selected {
        static final Argon2Engine ENGINE = select(System.getProperty(PROPERTY, "auto"));
    }

    static Argon2Engine selected() {
        return Selected.ENGINE;
    }

    static Argon2Engine select(String preference) {
        switch (preference.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                try {
                    return loadNative();
                } catch (LinkageError | RuntimeException e) {
                    return new BouncyCastleArgon2Engine();
                }
            case "native":
                try {
                    return loadNative();
                } catch (LinkageError | RuntimeException e) {
                    return new Unavailable(
                            "native Argon2 was required (-D"
                                    + PROPERTY
                                    + "=native) but could not be used: "
                                    + e);
                }
            case "java":
                return new BouncyCastleArgon2Engine();
            default:
                return new Unavailable(
                        "unknown value of -D" + PROPERTY + "; use auto, native or java");
        }
    }

    /**
     * Loads the native engine and checks it against Bouncy Castle on a tiny input (about a
     * millisecond), so a library that loads but computes something else is never used.
     */
    static Argon2Engine loadNative() {
        NativeArgon2Engine engine = new NativeArgon2Engine();
        InsecureArgon2Costs probe = new InsecureArgon2Costs(Argon2Type.ARGON2ID, 64, 1, 2, 32);
        byte[] password = {'p', 'r', 'o', 'b', 'e'};
        byte[] salt = new byte[16];
        byte[] expected = new BouncyCastleArgon2Engine().hash(probe, password, salt, null, null);
        byte[] actual = engine.hash(probe, password, salt, null, null);
        if (!Arrays.equals(expected, actual)) {
            throw new IllegalStateException("native Argon2 self-test gave a different result");
        }
        return engine;
    }

    /** Stands in for an engine that was demanded but cannot be used; fails on every call. */
    private static final class Unavailable implements Argon2Engine {
        private final String reason;

        Unavailable(String reason) {
            this.reason = reason;
        }

        @Override
        public String name() {
            return "unavailable";
        }

        @Override
        public byte[] hash(
                InsecureArgon2Costs costs,
                byte[] password,
                byte[] salt,
                byte[] secret,
                byte[] associatedData) {
            throw new CryptoException(reason);
        }
    }
}

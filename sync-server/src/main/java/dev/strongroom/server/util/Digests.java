package dev.strongroom.server.util;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over concatenated inputs (JDK provider; SHA-256 is mandatory on every JVM). */
public final class Digests {

    private Digests() {}

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}

package dev.strongroom.model.log;

import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.mac.Sha256;

/** Signature input and hash of membership-log entries. */
public final class LogEntries {

    public static final int HASH_LENGTH = 32;

    private LogEntries() {}

    /** Domain-separated, so a log signature can never be replayed as any other signature. */
    static byte[] signedMessage(byte[] body) {
        return Canonical.of("strongroom/v1/log-entry-signature").add(body).toBytes();
    }

    /** The chain hash of an entry: covers the body (which holds prevHash) and the signature. */
    public static byte[] hash(byte[] body, byte[] signature) {
        return Sha256.hash(
                Canonical.of("strongroom/v1/log-entry-hash").add(body).add(signature).toBytes());
    }

    public static byte[] genesisPrevHash() {
        return new byte[HASH_LENGTH];
    }
}

package dev.strongroom.client.recovery;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.team.SealedFile;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.common.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ephemeral private keys of the requests this device opened, each in its own file sealed under
 * a key only the unlocked account derives, so a request opened in one command can be combined in a
 * later one, and nowhere else. Deleted once combined.
 */
final class RequestKeys {

    private static final String PURPOSE = "strongroom/v1/recovery-request-key";

    private final Path dir;
    private final UnlockedSession session;

    RequestKeys(Path dir, UnlockedSession session) {
        this.dir = dir;
        this.session = session;
    }

    void store(String requestId, X25519PrivateKey key) {
        byte[] raw = key.copyBytes();
        SealedFile f = file(requestId);
        try {
            f.write(raw);
        } finally {
            Bytes.wipe(raw);
            f.close();
        }
    }

    /**
     * @throws RecoveryException if this device did not open the request
     */
    X25519PrivateKey load(String requestId) {
        SealedFile f = file(requestId);
        byte[] raw;
        try {
            raw =
                    f.read()
                            .orElseThrow(
                                    () ->
                                            new RecoveryException(
                                                    "this device did not open request "
                                                            + requestId));
        } finally {
            f.close();
        }
        try {
            return X25519PrivateKey.fromBytes(raw);
        } finally {
            Bytes.wipe(raw);
        }
    }

    void delete(String requestId) {
        try {
            Files.deleteIfExists(path(requestId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SealedFile file(String requestId) {
        return new SealedFile(path(requestId), PURPOSE, session);
    }

    private Path path(String requestId) {
        if (!requestId.matches("[0-9a-f-]{36}")) {
            throw new RecoveryException("not a request id: " + requestId);
        }
        return dir.resolve("request-" + requestId + ".sealed");
    }
}

package dev.strongroom.client.vault;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import dev.strongroom.crypto.mac.Hkdf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The item index kept between sessions, next to the cache file as {@code <cache>.index}: Envelope
 * v1 (AEAD) under {@code HKDF-SHA256(account key, info = Canonical("strongroom/v1/item-index-key",
 * account id))} with associated data {@code Canonical("strongroom/v1/item-index", account id)}, so
 * only the unlocked account can read it and any change to it fails to open. It holds what {@link
 * ItemSummary} holds (no secret values) and, per vault, the stamp it was built at; it is a derived
 * copy, so a file that is missing, does not open or does not parse is simply ignored and the index
 * rebuilt from the verified cache. Written atomically (temp file, then rename), owner-only.
 */
final class IndexFile {

    private static final String PURPOSE = "strongroom/v1/item-index";

    private final Path file;
    private final String accountId;
    private final byte[] accountKey;

    IndexFile(Path cacheFile, UnlockedSession session) {
        this.file = cacheFile.resolveSibling(cacheFile.getFileName() + ".index");
        this.accountId = session.accountId().toString();
        this.accountKey = session.accountKey().copyBytes();
    }

    /** The plaintext (the caller wipes it), or empty if there is none that opens. */
    Optional<byte[]> read() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (SymmetricKey key = key()) {
            return Optional.of(UnverifiedEnvelope.parse(Files.readAllBytes(file)).open(key, aad()));
        } catch (IOException | RuntimeException e) { // CryptoException included
            return Optional.empty(); // rebuilt from the cache; the next write replaces it
        }
    }

    /** Seals and atomically replaces the file; best effort (an index is only a copy). */
    void write(byte[] plaintext) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (SymmetricKey key = key()) {
            byte[] sealed = Envelope.seal(key, 0, plaintext, aad());
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(
                        tmp,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException noPosix) {
                Files.createFile(tmp);
            }
            Files.write(tmp, sealed, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the index is rebuilt next time
            }
        }
    }

    /** Wipes this file's copy of the account key. */
    void close() {
        Bytes.wipe(accountKey);
    }

    private SymmetricKey key() {
        return SymmetricKey.takeOwnership(
                Hkdf.derive(
                        accountKey,
                        null,
                        Canonical.of(PURPOSE + "-key").add(accountId).toBytes(),
                        32));
    }

    private byte[] aad() {
        return Canonical.of(PURPOSE).add(accountId).toBytes();
    }
}

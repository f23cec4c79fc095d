package dev.strongroom.client.team;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import dev.strongroom.crypto.mac.Hkdf;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A small local file sealed under a key only the unlocked account can derive: Envelope v1 under
 * {@code HKDF-SHA256(account key, info = Canonical(purpose + "-key", account id))}, associated data
 * {@code Canonical(purpose, account id)}. It keeps trust state (pinned keys, pending invite keys,
 * exposure dismissals) confidential and tamper-evident on this device; a file that does not open is
 * a {@link SecurityAlert}, never silently replaced. Writes are atomic (temp file, then rename).
 */
public final class SealedFile {

    private final Path file;
    private final String purpose;
    private final String accountId;
    private final byte[] accountKey;

    /**
     * @param purpose a label such as {@code strongroom/v1/team-trust}, so files of different
     *     purposes never open as each other
     */
    public SealedFile(Path file, String purpose, UnlockedSession session) {
        this.file = file;
        this.purpose = purpose;
        this.accountId = session.accountId().toString();
        this.accountKey = session.accountKey().copyBytes();
    }

    /** The plaintext (the caller wipes it), or empty when the file does not exist yet. */
    public synchronized Optional<byte[]> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (SymmetricKey key = key()) {
            byte[] sealed = Files.readAllBytes(file);
            return Optional.of(UnverifiedEnvelope.parse(sealed).open(key, context()));
        } catch (CryptoException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA, "the local file " + file + " does not open");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file's JSON content as {@code type}, or empty when the file does not exist yet. */
    public <T> Optional<T> readJson(Class<T> type) {
        Optional<byte[]> plain = read();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WireJson.mapper().readValue(plain.get(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("the local file " + file + " is unreadable", e);
        } finally {
            Bytes.wipe(plain.get());
        }
    }

    /** Seals the value as JSON and atomically replaces the file; the plaintext is wiped. */
    public void writeJson(Object value) {
        byte[] plain;
        try {
            plain = WireJson.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            write(plain);
        } finally {
            Bytes.wipe(plain);
        }
    }

    /** Seals and atomically replaces the file; wipes nothing of the caller's. */
    public synchronized void write(byte[] plaintext) {
        try (SymmetricKey key = key()) {
            byte[] sealed = Envelope.seal(key, 0, plaintext, context());
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, sealed);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Seals one secret value (such as a pending invite key) to be stored inside the file's
     * plaintext, so the secret never becomes a String when the file is parsed.
     */
    public byte[] sealValue(byte[] value, String label) {
        try (SymmetricKey key = key()) {
            return Envelope.seal(key, 0, value, valueContext(label));
        }
    }

    /** Opens a value sealed by {@link #sealValue}; the caller wipes the result. */
    public byte[] openValue(byte[] sealed, String label) {
        try (SymmetricKey key = key()) {
            return UnverifiedEnvelope.parse(sealed).open(key, valueContext(label));
        } catch (CryptoException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA, "a value in " + file + " does not open");
        }
    }

    private byte[] valueContext(String label) {
        return Canonical.of(purpose + "-value").add(accountId).add(label).toBytes();
    }

    private SymmetricKey key() {
        return SymmetricKey.takeOwnership(
                Hkdf.derive(
                        accountKey,
                        null,
                        Canonical.of(purpose + "-key").add(accountId).toBytes(),
                        32));
    }

    private byte[] context() {
        return Canonical.of(purpose).add(accountId).toBytes();
    }

    /** Wipes the copy of the account key this file holds. */
    public void close() {
        Bytes.wipe(accountKey);
    }

    @Override
    public String toString() {
        return "SealedFile[" + file + "]";
    }
}

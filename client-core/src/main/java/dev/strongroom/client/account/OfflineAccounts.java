package dev.strongroom.client.account;

import dev.strongroom.model.wire.AccountResponse;
import dev.strongroom.model.wire.PreloginResponse;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a device needs to unlock an account with no server: the account's prelogin answer (KDF
 * parameters and salts) and its account record (the wrapped account key, the sealed private keys,
 * the public bundle), exactly as the server served them at the last successful login. Nothing in it
 * is a secret the server does not already hold, and nothing is trusted because it is here: the
 * wrapped key opens only under the key the master password derives, the private keys only under the
 * account key, and the bundle is checked against them as at login.
 *
 * <p>One strict JSON file per server and email in {@code dir} (mode 0600, replaced atomically),
 * named by a hash so the email does not show in a directory listing. A record that does not parse
 * is reported as {@link LocalStateException}; it can be deleted safely (the next online login
 * writes it again).
 *
 * <p>The trade-off, documented in docs/SECURITY.md: whoever copies this file can guess the master
 * password offline at the KDF's cost, as they could with the server's database.
 */
public final class OfflineAccounts {

    private static final int FORMAT = 1;
    private static final long MAX_FILE = 1L << 20;

    /** The stored document. */
    record Document(
            int format,
            String server,
            String email,
            PreloginResponse prelogin,
            AccountResponse account) {}

    /** One account's record, as last served. */
    public record Record(PreloginResponse prelogin, AccountResponse account) {}

    private final Path dir;

    public OfflineAccounts(Path dir) {
        this.dir = dir;
    }

    public synchronized Optional<Record> find(String serverId, String email) {
        Path file = file(serverId, email);
        Optional<byte[]> bytes = AtomicFiles.read(file, MAX_FILE);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Document doc;
        try {
            doc = WireJson.mapper().readValue(bytes.get(), Document.class);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
        if (doc == null
                || doc.format() != FORMAT
                || !serverId.equals(doc.server())
                || !email.equals(doc.email())
                || doc.prelogin() == null
                || doc.account() == null) {
            throw corrupt(file, null);
        }
        return Optional.of(new Record(doc.prelogin(), doc.account()));
    }

    public synchronized void save(String serverId, String email, Record record) {
        try {
            AtomicFiles.write(
                    file(serverId, email),
                    WireJson.mapper()
                            .writeValueAsBytes(
                                    new Document(
                                            FORMAT,
                                            serverId,
                                            email,
                                            record.prelogin(),
                                            record.account())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the offline unlock record", e);
        }
    }

    public synchronized void forget(String serverId, String email) {
        try {
            Files.deleteIfExists(file(serverId, email));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the offline unlock record", e);
        }
    }

    private Path file(String serverId, String email) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest((serverId + "\n" + email).getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static LocalStateException corrupt(Path file, Throwable cause) {
        return new LocalStateException(
                "the offline unlock record "
                        + file
                        + " is unreadable; delete it and unlock once with the server reachable",
                cause);
    }
}

package dev.strongroom.client.cache;

import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.mac.Hmac;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A second, tiny file next to the cache ({@code <cache>.pins}) holding what must survive a cache
 * rebuild: the profile, each team's genesis hash and the account's KDF pin. Without it a rebuilt
 * cache would trust whatever genesis and KDF parameters the server offers next (trust on first use
 * again). It is replaced atomically (temporary file, fsync, rename, directory fsync) and carries an
 * HMAC under the {@link CacheKey}.
 *
 * <p>{@link LocalCache} reads and refreshes it; applications only need {@link #pathFor} and {@link
 * #peekKdfPinUnauthenticated}.
 *
 * <p>File layout (format 1): a {@link Canonical} tuple labelled {@code
 * strongroom/v1/cache/pin-store-file} of (format, account id, server url, KDF algorithm or "",
 * memory KiB, iterations, parallelism, team count, then team id and genesis hash per team in id
 * order), followed by the 32-byte HMAC-SHA256 of {@code Canonical("strongroom/v1/cache/pin-store",
 * tuple)}.
 */
public final class PinStore {

    static final String FILE_LABEL = "strongroom/v1/cache/pin-store-file";
    static final int FORMAT = 1;
    private static final int MAX_SIZE = 1 << 20;

    private final CacheProfile profile;
    private final KdfFields kdf; // null if not pinned yet
    private final Map<String, byte[]> genesis; // sorted by team id

    PinStore(CacheProfile profile, KdfFields kdf, Map<String, byte[]> genesis) {
        this.profile = profile;
        this.kdf = kdf;
        TreeMap<String, byte[]> copy = new TreeMap<>();
        genesis.forEach((team, hash) -> copy.put(team, hash.clone()));
        this.genesis = Collections.unmodifiableMap(copy);
    }

    /** The pin file of a cache file: {@code <cache file name>.pins} in the same directory. */
    public static Path pathFor(Path cacheFile) {
        return cacheFile.resolveSibling(cacheFile.getFileName() + ".pins");
    }

    /**
     * The KDF pin read WITHOUT checking its HMAC, for the one moment it is needed before the
     * account is unlocked: comparing the server's prelogin offer before deriving the master key.
     * The caller must compare again with {@link LocalCache#kdfPin()} once unlocked; a mismatch then
     * means the pin file was edited and must raise a security alert.
     *
     * @return empty if the file is missing, unreadable or holds no KDF pin
     */
    public static Optional<KdfParams> peekKdfPinUnauthenticated(Path pinFile) {
        try {
            byte[] file = Files.readAllBytes(pinFile);
            if (file.length <= Hmac.TAG_LENGTH || file.length > MAX_SIZE) {
                return Optional.empty();
            }
            PinStore store = parse(Arrays.copyOf(file, file.length - Hmac.TAG_LENGTH));
            return store.kdfPin();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads and authenticates a pin file.
     *
     * @return empty if there is no such file
     * @throws CacheTamperedException if it does not verify under {@code key}
     */
    static Optional<PinStore> load(Path file, CacheKey key) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new CacheTamperedException(
                        "pin file " + file.getFileName() + " is too large");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length <= Hmac.TAG_LENGTH) {
            throw new CacheTamperedException("pin file " + file.getFileName() + " is truncated");
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - Hmac.TAG_LENGTH);
        byte[] tag = Arrays.copyOfRange(bytes, body.length, bytes.length);
        if (!key.verify(PinMacs.pinStore(body), tag)) {
            throw new CacheTamperedException(
                    "pin file "
                            + file.getFileName()
                            + " does not verify under the cache key (edited outside Strongroom,"
                            + " or the wrong key)");
        }
        try {
            return Optional.of(parse(body));
        } catch (UnsupportedCacheFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CacheTamperedException("pin file " + file.getFileName() + " is malformed");
        }
    }

    /** Writes this state to {@code file} atomically. */
    void save(Path file, CacheKey key) throws IOException {
        byte[] body = encode();
        CacheFiles.writeAtomically(file, Bytes.concat(body, key.mac(PinMacs.pinStore(body))));
    }

    byte[] encode() {
        KdfFields k = kdf != null ? kdf : new KdfFields("", 0, 0, 0);
        Canonical c =
                Canonical.of(FILE_LABEL)
                        .add(FORMAT)
                        .add(profile.accountId())
                        .add(profile.serverUrl())
                        .add(k.algorithm())
                        .add(k.memoryKiB())
                        .add(k.iterations())
                        .add(k.parallelism())
                        .add(genesis.size());
        genesis.forEach((team, hash) -> c.add(team).add(hash));
        return c.toBytes();
    }

    private static PinStore parse(byte[] body) {
        FieldReader r = new FieldReader(body);
        if (!FILE_LABEL.equals(r.string())) {
            throw new IllegalArgumentException("not a pin file");
        }
        int format = r.int32();
        if (format != FORMAT) {
            throw new UnsupportedCacheFormatException(format, FORMAT);
        }
        CacheProfile profile = new CacheProfile(r.string(), r.string());
        KdfFields kdf = new KdfFields(r.string(), r.int32(), r.int32(), r.int32());
        int teams = r.int32();
        if (teams < 0) {
            throw new IllegalArgumentException("negative team count");
        }
        Map<String, byte[]> genesis = new TreeMap<>();
        for (int i = 0; i < teams; i++) {
            String team = r.string();
            byte[] hash = r.bytes();
            if (hash.length != 32 || genesis.put(team, hash) != null) {
                throw new IllegalArgumentException("bad genesis entry");
            }
        }
        r.end();
        return new PinStore(profile, kdf.algorithm().isEmpty() ? null : kdf, genesis);
    }

    public CacheProfile profile() {
        return profile;
    }

    /** The pinned KDF parameters, re-checked against crypto-core's floors. */
    public Optional<KdfParams> kdfPin() {
        return kdf == null ? Optional.empty() : Optional.of(kdf.toParams());
    }

    public Optional<byte[]> genesis(String teamId) {
        byte[] hash = genesis.get(teamId);
        return hash == null ? Optional.empty() : Optional.of(hash.clone());
    }

    Map<String, byte[]> genesisHashes() {
        return genesis;
    }

    KdfFields kdfFields() {
        return kdf;
    }

    PinStore withKdf(KdfFields newKdf) {
        return new PinStore(profile, newKdf, genesis);
    }

    PinStore withGenesis(String teamId, byte[] hash) {
        TreeMap<String, byte[]> more = new TreeMap<>(genesis);
        more.put(teamId, hash);
        return new PinStore(profile, kdf, more);
    }

    /** Reads the length-prefixed fields of a {@link Canonical} tuple, strictly. */
    private static final class FieldReader {
        private final byte[] data;
        private int pos;

        FieldReader(byte[] data) {
            this.data = data;
        }

        byte[] bytes() {
            if (data.length - pos < 4) {
                throw new IllegalArgumentException("truncated");
            }
            int length = Bytes.readInt32(data, pos);
            pos += 4;
            if (length < 0 || length > data.length - pos) {
                throw new IllegalArgumentException("bad field length");
            }
            byte[] field = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return field;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        int int32() {
            byte[] field = bytes();
            if (field.length != 4) {
                throw new IllegalArgumentException("bad integer field");
            }
            return Bytes.readInt32(field, 0);
        }

        void end() {
            if (pos != data.length) {
                throw new IllegalArgumentException("trailing bytes");
            }
        }
    }
}

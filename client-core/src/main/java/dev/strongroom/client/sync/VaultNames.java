package dev.strongroom.client.sync;

import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.MalformedInputException;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.common.SymmetricKey;
import dev.strongroom.crypto.envelope.Envelope;
import dev.strongroom.crypto.envelope.UnverifiedEnvelope;
import dev.strongroom.crypto.keys.VaultKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A vault's encrypted name (context M1 in docs/CRYPTO.md): an envelope under the vault key bound to
 * (team, vault), whose plaintext is a rename counter (int64) followed by the UTF-8 name. Opened at
 * pull, before anything is cached, so a plaintext, foreign or undecryptable name is a security
 * alert rather than a later crypto error; the counter lets a client refuse an older name than the
 * one it has (a rollback), as it refuses older heads.
 */
public final class VaultNames {

    /** A verified name and the rename counter it was sealed with (0 for "no name"). */
    public record Opened(long counter, String name) {}

    private VaultNames() {}

    public static byte[] seal(
            VaultKey key, String teamId, String vaultId, long counter, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] plain = ByteBuffer.allocate(8 + utf8.length).putLong(counter).put(utf8).array();
        try (SymmetricKey k = SymmetricKey.takeOwnership(key.copyBytes())) {
            return Envelope.seal(k, key.version(), plain, context(teamId, vaultId));
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * Opens a served or cached name; {@code keys} gives the verified vault key of a version.
     *
     * @throws SecurityAlert FORMAT_DOWNGRADE for something that is not a supported envelope,
     *     TAMPERED_DATA for one that does not open here (another vault's, or altered)
     */
    public static Opened open(
            byte[] metadata, String teamId, String vaultId, IntFunction<VaultKey> keys) {
        if (metadata == null || metadata.length == 0) {
            return new Opened(0, "");
        }
        UnverifiedEnvelope env;
        try {
            env = UnverifiedEnvelope.parse(metadata);
        } catch (UnsupportedFormatException | MalformedInputException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.FORMAT_DOWNGRADE,
                    "vault " + vaultId + ": its name is not a supported envelope");
        }
        byte[] plain = null;
        try {
            VaultKey key = keys.apply(env.allegedKeyVersion());
            if (key == null) {
                throw new AuthenticationFailedException("no such key version");
            }
            try (SymmetricKey k = SymmetricKey.takeOwnership(key.copyBytes())) {
                plain = env.open(k, context(teamId, vaultId));
            }
            if (plain.length < 8) {
                throw new AuthenticationFailedException("short name");
            }
            long counter = ByteBuffer.wrap(plain).getLong();
            String name =
                    new String(Arrays.copyOfRange(plain, 8, plain.length), StandardCharsets.UTF_8);
            return new Opened(counter, name);
        } catch (AuthenticationFailedException | IllegalStateException e) {
            throw new SecurityAlert(
                    SecurityAlertCode.TAMPERED_DATA,
                    "vault " + vaultId + ": its name does not belong to this vault");
        } finally {
            Bytes.wipe(plain);
        }
    }

    private static byte[] context(String teamId, String vaultId) {
        return Canonical.of("strongroom/v1/vault-name").add(teamId).add(vaultId).toBytes();
    }
}

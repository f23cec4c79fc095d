package dev.strongroom.model.log;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.hpke.Hpke;
import dev.strongroom.crypto.hpke.HpkeSealed;
import dev.strongroom.crypto.keys.IdentityKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A team's name sealed to one member (docs/CRYPTO.md, "Team names"): HPKE auth mode from the
 * entry's author to the member's X25519 key, {@code info = Canonical("strongroom/v1/team-name",
 * team id, recipient id, name version)}, plaintext the UTF-8 name zero-padded to a multiple of
 * {@link #PAD} bytes (so the seal's length says only roughly how long the name is). The seal sits
 * inside a signed log entry, so the server can neither read nor swap it, and the binding makes a
 * seal copied to another member, team or version fail to open.
 */
public final class TeamNames {

    /** Longest name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 256;

    static final int PAD = 32;
    static final int MAX_SEALED = HpkeSealed.MIN_LENGTH + MAX_NAME_BYTES;

    private TeamNames() {}

    static byte[] info(String teamId, String recipientId, int nameVersion) {
        return Canonical.of("strongroom/v1/team-name")
                .add(teamId)
                .add(recipientId)
                .add(nameVersion)
                .toBytes();
    }

    /** Seals {@code name} to one recipient; base64url, as the log entries carry it. */
    public static String seal(
            String teamId,
            int nameVersion,
            String recipientId,
            X25519PublicKey recipientKey,
            IdentityKeys author,
            String name) {
        byte[] plain = padded(name);
        try {
            return Base64Url.encode(
                    Hpke.sealAuth(
                                    recipientKey,
                                    author.encryptionPrivateKey(),
                                    info(teamId, recipientId, nameVersion),
                                    new byte[0],
                                    plain)
                            .toBytes());
        } finally {
            Bytes.wipe(plain);
        }
    }

    /**
     * Opens a seal with the recipient's private key, made by {@code authorKey} (from the verified
     * log).
     *
     * @throws CryptoException if it does not open (forged, swapped, or bound to something else)
     */
    public static String open(
            String teamId,
            int nameVersion,
            String recipientId,
            X25519PrivateKey recipientKey,
            X25519PublicKey authorKey,
            String sealed) {
        byte[] plain =
                Hpke.openAuth(
                        recipientKey,
                        authorKey,
                        HpkeSealed.fromBytes(Base64Url.decode(sealed)),
                        info(teamId, recipientId, nameVersion),
                        new byte[0]);
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        return new String(Arrays.copyOf(plain, end), StandardCharsets.UTF_8);
    }

    /** A name a person may choose: not blank, at most {@link #MAX_NAME_BYTES}, no NUL. */
    public static void requireValidName(String name) {
        if (name == null
                || name.isBlank()
                || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException(
                    "a team name must be 1 to " + MAX_NAME_BYTES + " bytes, without NUL");
        }
    }

    private static byte[] padded(String name) {
        requireValidName(name);
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(raw.length + PAD - 1) / PAD * PAD];
        System.arraycopy(raw, 0, out, 0, raw.length);
        return out;
    }
}

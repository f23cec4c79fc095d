package dev.strongroom.server.accounts;

import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.mac.Hmac;
import dev.strongroom.crypto.srp.SrpGroup;
import dev.strongroom.model.wire.KdfParams;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Deterministic, plausible answers for emails that have no account, so that prelogin and login step
 * one look the same whether or not an account exists: same shape, same sizes, same values on every
 * call and every instance (derived with HMAC from a server secret shared in the database), and the
 * same kind of work (one HMAC-derived value, one SRP challenge).
 */
final class FakeAccounts {

    private final byte[] secret;

    FakeAccounts(byte[] secret) {
        this.secret = secret.clone();
    }

    /** What a new account gets by default: Argon2id with the design's default costs. */
    KdfParams kdf(String email) {
        Argon2idParams d = Argon2idParams.DEFAULT;
        return KdfParams.argon2id(
                d.memoryKiB(), d.iterations(), d.parallelism(), derive("kdf-salt", email, 16));
    }

    byte[] srpSalt(String email) {
        return derive("srp-salt", email, 16);
    }

    /**
     * A verifier-shaped value (PAD(v), below N because its first byte is zero while N's is 0xFF)
     * that no password produces knowingly; a login against it never verifies.
     */
    byte[] verifier(SrpGroup group, String email) {
        byte[] v = new byte[group.length()];
        byte[] body = derive("verifier", email, group.length() - 1);
        System.arraycopy(body, 0, v, 1, body.length);
        v[v.length - 1] |= 1; // never zero
        return v;
    }

    private byte[] derive(String purpose, String email, int length) {
        byte[] out = new byte[length];
        int offset = 0;
        for (int counter = 1; offset < length; counter++) {
            byte[] block =
                    Hmac.sha256(
                            secret,
                            ("strongroom/v1/fake-" + purpose + "/" + counter + "/" + email)
                                    .getBytes(StandardCharsets.UTF_8));
            int n = Math.min(block.length, length - offset);
            System.arraycopy(block, 0, out, offset, n);
            offset += n;
            Arrays.fill(block, (byte) 0);
        }
        return out;
    }
}

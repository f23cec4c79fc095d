package dev.strongroom.crypto.keys;

import dev.strongroom.crypto.asym.Ed25519PublicKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.ConstantTime;
import dev.strongroom.crypto.mac.Hkdf;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.crypto.slip39.Slip39Wordlist;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The safety number of an identity: what two people read to each other to be sure a key is the
 * other's. It covers the account id and both public keys (not the email, which may change). Two
 * renderings of the same 256-bit digest: 60 digits in 12 groups of five (about 199 bits), and 12
 * words from the SLIP-39 list (120 bits) for reading aloud.
 */
public final class Fingerprint {

    private static final byte[] EXPAND_INFO =
            "strongroom/v1/fingerprint-render".getBytes(StandardCharsets.UTF_8);

    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    static Fingerprint of(String accountId, X25519PublicKey encryption, Ed25519PublicKey signing) {
        return new Fingerprint(
                Sha256.hash(Contexts.fingerprint(accountId, encryption.bytes(), signing.bytes())));
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** "12345 67890 …": 12 groups of five digits, each from 5 bytes reduced mod 100000. */
    public String digits() {
        byte[] material = Hkdf.expand(digest, EXPAND_INFO, 60);
        StringBuilder out = new StringBuilder(71);
        for (int group = 0; group < 12; group++) {
            long chunk = 0;
            for (int i = 0; i < 5; i++) {
                chunk = (chunk << 8) | (material[group * 5 + i] & 0xff);
            }
            if (group > 0) {
                out.append(' ');
            }
            out.append(String.format("%05d", chunk % 100_000));
        }
        return out.toString();
    }

    /** Twelve words, each indexed by 10 bits of the digest. */
    public List<String> words() {
        List<String> words = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            int bit = i * 10;
            int value = ((digest[bit / 8] & 0xff) << 8 | (digest[bit / 8 + 1] & 0xff));
            int index = (value >>> (6 - bit % 8)) & 0x3ff;
            words.add(Slip39Wordlist.word(index));
        }
        return words;
    }

    /** Constant-time comparison with a fingerprint pinned earlier. */
    public boolean matches(byte[] pinnedDigest) {
        return ConstantTime.equals(digest, pinnedDigest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && ConstantTime.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return digits();
    }
}

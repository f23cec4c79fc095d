package dev.strongroom.crypto.hpke;

import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;

/**
 * DHKEM(X25519, HKDF-SHA256), RFC 9180 section 4.1, with the ephemeral key pair passed in so that
 * the caller decides where its randomness comes from (production: {@link X25519#generate()};
 * vectors: {@link #deriveKeyPair}).
 *
 * <p>Low-order public keys surface as the {@link
 * dev.strongroom.crypto.api.ParameterRejectedException} of {@link X25519#agree}.
 */
final class DhKem {

    static final short KEM_ID = 0x0020;

    /** Nsecret, Nenc and Nsk are all 32 for this KEM. */
    static final int SECRET_LENGTH = 32;

    static final int ENC_LENGTH = X25519PublicKey.LENGTH;

    private static final LabeledKdf KDF =
            new LabeledKdf(Bytes.concat(LabeledKdf.ascii("KEM"), LabeledKdf.i2osp2(KEM_ID)));

    /** The KEM's shared secret (caller wipes) and the encapsulated key {@code enc = pkE}. */
    record Encapsulation(byte[] sharedSecret, byte[] enc) {}

    private DhKem() {}

    /** RFC 9180 section 7.1.3 DeriveKeyPair for X25519. */
    static X25519KeyPair deriveKeyPair(byte[] ikm) {
        byte[] dkpPrk = KDF.extract(new byte[0], "dkp_prk", ikm);
        byte[] sk = KDF.expand(dkpPrk, "sk", new byte[0], X25519PrivateKey.LENGTH);
        try {
            return X25519KeyPair.of(X25519PrivateKey.fromBytes(sk));
        } finally {
            Bytes.wipe(dkpPrk);
            Bytes.wipe(sk);
        }
    }

    static Encapsulation encap(X25519PublicKey pkR, X25519KeyPair ephemeral) {
        byte[] enc = ephemeral.publicKey().bytes();
        byte[] dh = X25519.agree(ephemeral.privateKey(), pkR);
        return new Encapsulation(extractAndExpand(dh, Bytes.concat(enc, pkR.bytes())), enc);
    }

    static byte[] decap(byte[] enc, X25519PrivateKey skR) {
        byte[] dh = X25519.agree(skR, new X25519PublicKey(enc));
        return extractAndExpand(dh, Bytes.concat(enc, skR.publicKey().bytes()));
    }

    static Encapsulation authEncap(
            X25519PublicKey pkR, X25519PrivateKey skS, X25519KeyPair ephemeral) {
        byte[] enc = ephemeral.publicKey().bytes();
        byte[] dh = concatAndWipe(X25519.agree(ephemeral.privateKey(), pkR), skS, pkR);
        byte[] kemContext = Bytes.concat(enc, pkR.bytes(), skS.publicKey().bytes());
        return new Encapsulation(extractAndExpand(dh, kemContext), enc);
    }

    static byte[] authDecap(byte[] enc, X25519PrivateKey skR, X25519PublicKey pkS) {
        byte[] dh = concatAndWipe(X25519.agree(skR, new X25519PublicKey(enc)), skR, pkS);
        byte[] kemContext = Bytes.concat(enc, skR.publicKey().bytes(), pkS.bytes());
        return extractAndExpand(dh, kemContext);
    }

    /** {@code first || X25519(sk, pk)}, wiping the parts (and {@code first} if the DH fails). */
    private static byte[] concatAndWipe(byte[] first, X25519PrivateKey sk, X25519PublicKey pk) {
        byte[] second = null;
        try {
            second = X25519.agree(sk, pk);
            return Bytes.concat(first, second);
        } finally {
            Bytes.wipe(first);
            Bytes.wipe(second);
        }
    }

    /** ExtractAndExpand(dh, kem_context); wipes {@code dh}. */
    private static byte[] extractAndExpand(byte[] dh, byte[] kemContext) {
        byte[] eaePrk = KDF.extract(new byte[0], "eae_prk", dh);
        try {
            return KDF.expand(eaePrk, "shared_secret", kemContext, SECRET_LENGTH);
        } finally {
            Bytes.wipe(dh);
            Bytes.wipe(eaePrk);
        }
    }
}

package dev.strongroom.client.cert;

import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.common.Randoms;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * Reads an unencrypted PKCS#8 private key (PEM label "PRIVATE KEY", what OpenSSL 3 writes by
 * default) for RSA, EC, Ed25519 or Ed448, and checks whether it belongs to a certificate. Legacy
 * PKCS#1/SEC1 blocks and encrypted keys are refused with the command that converts them.
 */
public final class PemPrivateKey {

    private PemPrivateKey() {}

    public static PrivateKey parse(SecretText pem) {
        char[] chars = pem.chars();
        try {
            return parse(chars);
        } finally {
            Bytes.wipe(chars);
        }
    }

    public static PrivateKey parse(char[] pem) {
        PemBlock block = singleBlock(pem);
        byte[] der = block.der();
        try {
            String algorithm = algorithmOf(der);
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new PemException("PKCS#8 private key could not be decoded");
        } finally {
            block.wipe();
        }
    }

    /**
     * True when {@code key} is the private half of the certificate's public key. RSA compares
     * modulus and exponent; other algorithms sign a random challenge and verify it with the
     * certificate's key.
     */
    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        if (key instanceof RSAPrivateCrtKey) {
            return publicKey instanceof RSAPublicKey
                    && ((RSAPrivateCrtKey) key)
                            .getModulus()
                            .equals(((RSAPublicKey) publicKey).getModulus())
                    && ((RSAPrivateCrtKey) key)
                            .getPublicExponent()
                            .equals(((RSAPublicKey) publicKey).getPublicExponent());
        }
        String signatureAlgorithm = signatureAlgorithm(key.getAlgorithm());
        if (signatureAlgorithm == null) {
            return false;
        }
        try {
            byte[] challenge = Randoms.bytes(32);
            Signature signer = Signature.getInstance(signatureAlgorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // different algorithm or curve: not this key
        }
    }

    private static PemBlock singleBlock(char[] pem) {
        java.util.List<PemBlock> blocks = Pem.decodeAll(pem);
        if (blocks.size() != 1) {
            blocks.forEach(PemBlock::wipe);
            throw new PemException(
                    "expected exactly one private key PEM block, found " + blocks.size());
        }
        PemBlock block = blocks.get(0);
        switch (block.label()) {
            case "PRIVATE KEY":
                return block;
            case "ENCRYPTED PRIVATE KEY":
                block.wipe();
                throw new PemException(
                        "encrypted private keys are not supported; decrypt with"
                                + " openssl pkcs8 -in key.pem -out plain.pem (the vault encrypts it)");
            case "RSA PRIVATE KEY":
            case "EC PRIVATE KEY":
                block.wipe();
                throw new PemException(
                        block.label()
                                + " (legacy format) is not supported; convert with"
                                + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem");
            default:
                block.wipe();
                throw new PemException(
                        "PEM block is " + block.label() + ", expected PRIVATE KEY (PKCS#8)");
        }
    }

    private static String algorithmOf(byte[] der) {
        ASN1ObjectIdentifier oid;
        try {
            oid = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm();
        } catch (RuntimeException e) {
            throw new PemException("PRIVATE KEY block is not a valid PKCS#8 structure");
        }
        switch (oid.getId()) {
            case "1.2.840.113549.1.1.1":
                return "RSA";
            case "1.2.840.10045.2.1":
                return "EC";
            case "1.3.101.112":
                return "Ed25519";
            case "1.3.101.113":
                return "Ed448";
            default:
                throw new PemException(
                        "unsupported private key algorithm "
                                + oid.getId()
                                + " (RSA, EC, Ed25519 and Ed448 are supported)");
        }
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        switch (keyAlgorithm) {
            case "EC":
                return "SHA256withECDSA";
            case "EdDSA":
            case "Ed25519":
            case "Ed448":
                return keyAlgorithm.equals("EdDSA") ? "EdDSA" : keyAlgorithm;
            case "RSA":
                return "SHA256withRSA";
            default:
                return null;
        }
    }
}

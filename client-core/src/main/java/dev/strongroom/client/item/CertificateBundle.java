package dev.strongroom.client.item;

import dev.strongroom.client.cert.CertificateChain;
import dev.strongroom.client.cert.PemException;
import dev.strongroom.client.cert.PemPrivateKey;
import dev.strongroom.client.secret.SecretText;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;

/**
 * A PEM certificate chain (leaf first) with an optional PKCS#8 private key. The constructor checks
 * that both parse; {@link #of(String, SecretText)} (use it for new and edited items) also checks
 * that the key belongs to the leaf. That last check signs with the key for non-RSA keys, so it is
 * not repeated each time an item is decrypted.
 */
public record CertificateBundle(String chain, SecretText privateKey) implements ItemData {

    public CertificateBundle {
        chain = Check.multiline("certificate.chain", chain, Check.LONG);
        privateKey = Check.optionalSecret("certificate.privateKey", privateKey, 65_536);
        parseChain(chain);
        if (privateKey != null) {
            parseKey(privateKey);
        }
    }

    /** A bundle whose key (if any) is checked to belong to the leaf certificate. */
    public static CertificateBundle of(String chain, SecretText privateKey) {
        CertificateBundle bundle = new CertificateBundle(chain, privateKey);
        if (bundle.privateKey() != null && !bundle.keyMatchesLeaf()) {
            throw new ItemValidationException(
                    "certificate.privateKey", "does not belong to the leaf certificate");
        }
        return bundle;
    }

    /** The parsed chain (parsed again on each call). */
    public CertificateChain parsedChain() {
        return parseChain(chain);
    }

    /** The earliest notAfter of the chain. */
    public Instant notAfter() {
        return parsedChain().earliestNotAfter();
    }

    /** True when there is a private key and it belongs to the leaf certificate. */
    public boolean keyMatchesLeaf() {
        if (privateKey == null) {
            return false;
        }
        PrivateKey key = parseKey(privateKey);
        return PemPrivateKey.matches(key, parsedChain().leaf());
    }

    private static CertificateChain parseChain(String chain) {
        try {
            return CertificateChain.parse(chain);
        } catch (PemException e) {
            throw new ItemValidationException("certificate.chain", e.getMessage());
        }
    }

    private static PrivateKey parseKey(SecretText privateKey) {
        try {
            return PemPrivateKey.parse(privateKey);
        } catch (PemException e) {
            throw new ItemValidationException("certificate.privateKey", e.getMessage());
        }
    }

    @Override
    public ItemType type() {
        return ItemType.CERTIFICATE;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields().put("chain", chain).put("privateKey", privateKey).build();
    }
}

package dev.strongroom.client.cert;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * A PEM certificate chain, leaf first (as servers present it and as fullchain.pem files hold it).
 * Parsing is strict: only {@code CERTIFICATE} blocks (see {@link Pem}), each exactly one DER X.509
 * certificate; anything else fails with a message naming the block.
 */
public final class CertificateChain {

    private final List<X509Certificate> certificates;

    private CertificateChain(List<X509Certificate> certificates) {
        this.certificates = Collections.unmodifiableList(certificates);
    }

    public static CertificateChain parse(String pem) {
        return parse(pem.toCharArray());
    }

    public static CertificateChain parse(char[] pem) {
        List<PemBlock> blocks = Pem.decodeAll(pem);
        List<X509Certificate> certificates = new ArrayList<>(blocks.size());
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 support missing from the JDK", e);
        }
        for (int i = 0; i < blocks.size(); i++) {
            PemBlock block = blocks.get(i);
            if (!block.label().equals("CERTIFICATE")) {
                throw new PemException(
                        "PEM block "
                                + (i + 1)
                                + " is "
                                + block.label()
                                + ", expected CERTIFICATE (keys go in the private key field)");
            }
            try {
                ByteArrayInputStream in = new ByteArrayInputStream(block.der());
                X509Certificate certificate = (X509Certificate) factory.generateCertificate(in);
                if (in.available() != 0) {
                    throw new PemException(
                            "PEM block " + (i + 1) + " has trailing data after the certificate");
                }
                certificates.add(certificate);
            } catch (CertificateException | ClassCastException e) {
                throw new PemException(
                        "PEM block " + (i + 1) + " is not a valid X.509 certificate");
            }
        }
        return new CertificateChain(certificates);
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }

    public int size() {
        return certificates.size();
    }

    public CertificateInfo leafInfo() {
        return info(leaf());
    }

    public List<CertificateInfo> infos() {
        List<CertificateInfo> infos = new ArrayList<>(certificates.size());
        certificates.forEach(c -> infos.add(info(c)));
        return infos;
    }

    /** The earliest notAfter in the chain: when the chain as a whole stops validating. */
    public Instant earliestNotAfter() {
        Instant earliest = null;
        for (X509Certificate c : certificates) {
            Instant notAfter = c.getNotAfter().toInstant();
            if (earliest == null || notAfter.isBefore(earliest)) {
                earliest = notAfter;
            }
        }
        return earliest;
    }

    /** True when each certificate's issuer name is the next one's subject name. */
    public boolean isOrdered() {
        for (int i = 0; i + 1 < certificates.size(); i++) {
            if (!certificates
                    .get(i)
                    .getIssuerX500Principal()
                    .equals(certificates.get(i + 1).getSubjectX500Principal())) {
                return false;
            }
        }
        return true;
    }

    static CertificateInfo info(X509Certificate c) {
        return new CertificateInfo(
                c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                c.getIssuerX500Principal().getName(X500Principal.RFC2253),
                c.getSerialNumber().toString(16),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                fingerprint(c),
                c.getPublicKey().getAlgorithm());
    }

    private static String fingerprint(X509Certificate c) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}

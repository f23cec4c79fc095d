package dev.strongroom.client.api;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 (over its DER encoding) equals the
 * pin, compared in constant time. No CA, chain, host name or date is consulted, because the pin is
 * the whole identity of a self-signed server (this is how SSH known_hosts works too). Extending
 * {@link X509ExtendedTrustManager} keeps the JDK from adding its own host-name check around it.
 */
final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {

    /** The presented certificate is not the pinned one. */
    static final class PinMismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;

        PinMismatchException() {
            super("server certificate does not match the pinned SHA-256 fingerprint");
        }
    }

    private final TlsPin pin;

    PinnedCertificateTrustManager(TlsPin pin) {
        this.pin = pin;
    }

    void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server presented no certificate");
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new CertificateException("cannot digest the server certificate", e);
        }
        if (!pin.matches(digest)) {
            throw new PinMismatchException();
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
            throws CertificateException {
        throw new CertificateException("this trust manager only authenticates servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager only authenticates servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager only authenticates servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

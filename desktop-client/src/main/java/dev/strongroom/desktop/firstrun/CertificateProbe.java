package dev.strongroom.desktop.firstrun;

import dev.strongroom.client.api.TlsPin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the SHA-256 fingerprint of the certificate an https server presents, so the user can
 * compare it with the one the administrator gave them before it is pinned. The handshake accepts
 * any certificate because it only looks: nothing is sent over this connection, it is closed right
 * after the handshake, and nothing is trusted until the user confirms the fingerprint.
 */
final class CertificateProbe {

    static final int TIMEOUT_MILLIS = 5000;

    private CertificateProbe() {}

    static TlsPin fingerprint(URI url) throws IOException {
        int port = url.getPort() == -1 ? 443 : url.getPort();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new LookOnly()}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(url.getHost(), port), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.startHandshake();
                Certificate[] chain = socket.getSession().getPeerCertificates();
                byte[] der = chain[0].getEncoded();
                return TlsPin.of(MessageDigest.getInstance("SHA-256").digest(der));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("could not read the server's certificate", e);
        }
    }

    /** Accepts any chain: the probe only reads the leaf, and the user decides. */
    private static final class LookOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package dev.strongroom.server.tls;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed TLS certificate (ECDSA P-256) for a first run, and the fingerprints clients
 * pin: the SHA-256 of the certificate and of its public key (SPKI). The private key is written as
 * PKCS#8 PEM readable only by its owner.
 */
public final class SelfSignedCertificate {

    /** What was written and what to pin. */
    public record Result(
            Path certificate, Path privateKey, String sha256Fingerprint, String spkiSha256Base64) {}

    private SelfSignedCertificate() {}

    public static Result write(Path outDir, List<String> hosts, Duration validity)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), Randoms.secureRandom());
        KeyPair pair = generator.generateKeyPair();

        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        for (String host : hosts) {
            boolean ip = host.matches("[0-9.]+") || host.contains(":");
            if (ip) {
                InetAddress.getByName(host); // validates
            }
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        String cn = hosts.isEmpty() ? "localhost" : hosts.get(0);
        Instant now = Instant.now();
        X500Name subject =
                new X500Name("CN=" + cn.replaceAll("[,=+<>#;\"\\\\]", "") + ",O=Strongroom");
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(
                        subject,
                        new BigInteger(1, Randoms.bytes(16)),
                        Date.from(now.minus(Duration.ofMinutes(5))),
                        Date.from(now.plus(validity)),
                        subject,
                        pair.getPublic());
        builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509CertificateHolder holder;
        try {
            holder =
                    builder.build(
                            new JcaContentSignerBuilder("SHA256withECDSA")
                                    .setSecureRandom(Randoms.secureRandom())
                                    .build(pair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate", e);
        }
        byte[] der = holder.getEncoded();

        Files.createDirectories(outDir);
        Path cert = outDir.resolve("cert.pem");
        Path key = outDir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", der), StandardCharsets.US_ASCII);
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        Files.deleteIfExists(key);
        try {
            Files.createFile(
                    key,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(key);
        }
        Files.writeString(
                key,
                pem("PRIVATE KEY", pkcs8),
                StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);

        return new Result(
                cert,
                key,
                colonHex(Sha256.hash(der)),
                Base64.getEncoder().encodeToString(Sha256.hash(pair.getPublic().getEncoded())));
    }

    /** The SHA-256 fingerprint of a DER certificate as colon-separated upper-case hex. */
    public static String colonHex(byte[] digest) {
        String hex = HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN "
                + type
                + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }
}

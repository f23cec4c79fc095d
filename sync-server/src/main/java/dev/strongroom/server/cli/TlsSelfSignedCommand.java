package dev.strongroom.server.cli;

import dev.strongroom.server.tls.SelfSignedCertificate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tls-selfsigned --out DIR}: a certificate pair for a first run, with its fingerprint. */
@Command(
        name = "tls-selfsigned",
        description =
                "Write a self-signed certificate (cert.pem) and key (key.pem) and print the"
                        + " SHA-256 fingerprint clients pin.")
final class TlsSelfSignedCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, description = "Directory to write into.")
    Path out;

    @Option(
            names = "--host",
            description = "Extra DNS name or IP address for the certificate (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--days", defaultValue = "825", description = "Validity in days (825).")
    int days;

    @Override
    public Integer call() throws Exception {
        var result = SelfSignedCertificate.write(out, hosts, Duration.ofDays(days));
        PrintWriter w = spec.commandLine().getOut();
        w.println("certificate: " + result.certificate().toAbsolutePath());
        w.println("private key: " + result.privateKey().toAbsolutePath() + " (mode 600)");
        w.println("SHA-256 fingerprint: " + result.sha256Fingerprint());
        w.println("SPKI SHA-256 (base64): " + result.spkiSha256Base64());
        w.println(
                "start with: ./strongroom-server --tls-cert "
                        + result.certificate()
                        + " --tls-key "
                        + result.privateKey());
        return 0;
    }
}

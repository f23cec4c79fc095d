package dev.strongroom.desktop.items;

import dev.strongroom.client.cert.CertificateChain;
import dev.strongroom.client.cert.CertificateInfo;
import dev.strongroom.client.cert.PemException;
import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.ItemData;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.common.SecretField;
import dev.strongroom.desktop.common.Views;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/**
 * A PEM certificate chain (leaf first, shown as text: certificates are public) and an optional
 * PKCS#8 private key pasted into a masked field. The chain is parsed as it is typed so its expiry,
 * or a plain reason why it is not a valid chain, shows before saving.
 */
final class CertificateEditor implements TypeEditor {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @FXML private TextArea chainArea;
    @FXML private SecretField certKeyField;
    @FXML private Label expiryLabel;

    private final Parent view = Views.load(this, "certificate-editor.fxml");

    CertificateEditor() {
        chainArea.textProperty().addListener((o, was, now) -> describe(now));
    }

    @Override
    public Parent view() {
        return view;
    }

    private void describe(String pem) {
        expiryLabel.setText(describe(pem, Instant.now()));
        expiryLabel.setAccessibleText(expiryLabel.getText());
    }

    /** "Expires … (in N days) · subject", or why the text is not a chain. */
    static String describe(String pem, Instant now) {
        if (pem == null || pem.isBlank()) {
            return "Paste the PEM chain, leaf certificate first.";
        }
        try {
            CertificateChain chain = CertificateChain.parse(pem);
            CertificateInfo leaf = chain.leafInfo();
            Instant notAfter = chain.earliestNotAfter();
            long days = java.time.Duration.between(now, notAfter).toDays();
            String when =
                    notAfter.isBefore(now)
                            ? "expired " + DAY.format(notAfter)
                            : "expires " + DAY.format(notAfter) + " (in " + days + " days)";
            return chain.size()
                    + (chain.size() == 1 ? " certificate, " : " certificates, ")
                    + when
                    + " · "
                    + leaf.subject();
        } catch (PemException e) {
            return "Not a valid PEM certificate chain: " + e.getMessage();
        }
    }

    @Override
    public void load(ItemData data) {
        CertificateBundle bundle = (CertificateBundle) data;
        chainArea.setText(bundle.chain());
        LoginEditor.fill(certKeyField, bundle.privateKey());
    }

    @Override
    public ItemData build() {
        SecretText key = certKeyField.toSecretText();
        try {
            return CertificateBundle.of(chainArea.getText(), key);
        } catch (RuntimeException e) {
            LoginEditor.wipe(key);
            throw e;
        }
    }

    @Override
    public void wipe() {
        certKeyField.wipe();
    }
}

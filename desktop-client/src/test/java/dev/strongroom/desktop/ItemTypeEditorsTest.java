package dev.strongroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.client.item.CertificateBundle;
import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.SshKey;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.desktop.app.DesktopApp;
import dev.strongroom.desktop.common.SecretField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The editors for databases, SSH keys, certificates and environment sets, driven through the UI
 * against the embedded server; each test then reads what client-core stored.
 */
@ExtendWith(ApplicationExtension.class)
class ItemTypeEditorsTest {

    @TempDir static Path home;
    private DesktopApp app;
    private DesktopHarness h;

    @Start
    void start(Stage stage) {
        app = DesktopHarness.start(stage, home);
    }

    @Stop
    void stop() {
        app.shutdown();
    }

    /** One account for all four editors (registering is the slow part on a loaded machine). */
    @Test
    void editorsForTheRemainingTypes(FxRobot robot) throws IOException {
        h = DesktopHarness.of(robot, app, home);
        h.chooseLocalVault();
        h.register("editor@example.test");
        databaseRejectsBadPortAndTakesGeneratedPassword(robot);
        sshKeyGeneratedOrPastedKeepsThePrivateKeyHidden(robot);
        certificateShowsExpiryAndRejectsInvalidPem(robot);
        environmentRowsWithValidatedNames(robot);
    }

    private void saved(String name) {
        h.waitUntil(() -> h.listedNames().contains(name) && !h.showing("#saveButton"));
    }

    private void newItem(FxRobot robot, String typeName, String name) {
        robot.clickOn("#newButton");
        // The menu's entry, not a list row or detail line that shows the same type name.
        robot.clickOn(
                robot.lookup(".context-menu .label")
                        .match(org.testfx.matcher.control.LabeledMatchers.hasText(typeName))
                        .<javafx.scene.Node>query());
        h.waitUntil(() -> h.showing("#saveButton"));
        h.type("#nameField", name);
    }

    private void saveExpectingError(FxRobot robot, String message) {
        robot.clickOn("#saveButton");
        h.waitUntil(() -> h.text("#editorError").contains(message));
    }

    private void replace(FxRobot robot, String query, String text) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(text));
    }

    /** Pastes {@code text} (line breaks included) the way a paste reaches the field. */
    private void paste(FxRobot robot, String query, String text) {
        robot.interact(
                () -> {
                    TextInputControl field = robot.lookup(query).queryTextInputControl();
                    field.selectAll();
                    field.replaceSelection(text);
                });
    }

    private static String string(SecretText s) {
        char[] chars = s.chars();
        String out = new String(chars);
        java.util.Arrays.fill(chars, '\0');
        return out;
    }

    private void databaseRejectsBadPortAndTakesGeneratedPassword(FxRobot robot) {
        newItem(robot, "Database", "Orders DB");
        h.type("#hostField", "db.internal.example");
        replace(robot, "#portField", "70000");
        h.type("#databaseField", "orders");
        h.type("#dbUserField", "app");
        saveExpectingError(robot, "database.port: must be a number from 1 to 65535");
        replace(robot, "#portField", "port");
        saveExpectingError(robot, "database.port");

        // The generator: characters (default 20 of all classes), then a passphrase of words.
        replace(robot, "#portField", "5433");
        robot.clickOn("#generateDbPasswordButton");
        h.waitUntil(() -> h.showing("#useButton"));
        assertThat(h.text("#strengthLabel")).startsWith("20 characters, about 131 bits");
        robot.clickOn("#useButton");
        h.waitUntil(() -> !h.showing("#useButton"));
        assertThat(DesktopHarness.fx(() -> secretField(robot, "#dbPasswordField").secretLength()))
                .isEqualTo(20);
        robot.clickOn("#generateDbPasswordButton");
        h.waitUntil(() -> h.showing("#useButton"));
        robot.clickOn("#wordsOption");
        h.waitUntil(() -> h.text("#strengthLabel").contains("about 70 bits"));
        robot.clickOn("#useButton");
        h.waitUntil(() -> !h.showing("#useButton"));
        robot.clickOn("#saveButton");
        saved("Orders DB");

        try (ItemContent stored = h.stored("Orders DB")) {
            DatabaseCredential db = (DatabaseCredential) stored.data();
            assertThat(db.engine()).isEqualTo("postgresql");
            assertThat(db.host()).isEqualTo("db.internal.example");
            assertThat(db.port()).isEqualTo(5433);
            assertThat(db.database()).isEqualTo("orders");
            assertThat(db.user()).isEqualTo("app");
            assertThat(string(db.password())).matches("[a-z]+(-[a-z]+){6}");
        }

        // Edit: the form is filled from the item; a new port is stored as a new revision.
        h.selectItem("Orders DB");
        robot.clickOn("#editButton");
        h.waitUntil(() -> h.showing("#saveButton"));
        assertThat(
                        DesktopHarness.fx(
                                () -> robot.lookup("#portField").queryTextInputControl().getText()))
                .isEqualTo("5433");
        replace(robot, "#portField", "6432");
        robot.clickOn("#saveButton");
        h.waitUntil(() -> h.text("#detailDates").startsWith("Revision 2"));
        try (ItemContent stored = h.stored("Orders DB")) {
            DatabaseCredential db = (DatabaseCredential) stored.data();
            assertThat(db.port()).isEqualTo(6432);
            assertThat(string(db.password())).matches("[a-z]+(-[a-z]+){6}");
        }
    }

    private void sshKeyGeneratedOrPastedKeepsThePrivateKeyHidden(FxRobot robot) {
        newItem(robot, "SSH key", "Deploy key");
        saveExpectingError(robot, "generate a key or paste");
        h.type("#sshCommentField", "deploy@build");
        robot.clickOn("#generateKeyButton");
        String shown =
                DesktopHarness.fx(
                        () -> robot.lookup("#publicKeyField").queryTextInputControl().getText());
        assertThat(shown).startsWith("ssh-ed25519 ").doesNotContain("PRIVATE");
        assertThat(h.text("#fingerprintLabel")).startsWith("SHA256:");
        String fingerprint = h.text("#fingerprintLabel");
        robot.clickOn("#saveButton");
        saved("Deploy key");

        String privateKey;
        try (ItemContent stored = h.stored("Deploy key")) {
            SshKey key = (SshKey) stored.data();
            assertThat(key.publicKey()).isEqualTo(shown);
            assertThat(key.fingerprint()).isEqualTo(fingerprint);
            assertThat(key.comment()).isEqualTo("deploy@build");
            privateKey = string(key.privateKey());
            assertThat(privateKey).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        }

        // An existing key pasted into the hidden field: its public key is derived from it.
        newItem(robot, "SSH key", "Imported key");
        paste(robot, "#sshPrivateKeyField", "not a key");
        saveExpectingError(robot, "ssh_key.privateKey");
        paste(robot, "#sshPrivateKeyField", privateKey);
        robot.clickOn("#saveButton");
        saved("Imported key");
        try (ItemContent stored = h.stored("Imported key")) {
            SshKey key = (SshKey) stored.data();
            assertThat(key.publicKey()).isEqualTo(shown);
            assertThat(string(key.privateKey())).isEqualTo(privateKey);
        }
    }

    private void certificateShowsExpiryAndRejectsInvalidPem(FxRobot robot) throws IOException {
        String chain = fixture("leaf-rsa.crt");
        newItem(robot, "Certificate", "leaf.example.test");
        replace(
                robot,
                "#chainArea",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(h.text("#expiryLabel")).startsWith("Not a valid PEM certificate chain: ");
        saveExpectingError(robot, "certificate.chain: ");

        replace(robot, "#chainArea", chain);
        assertThat(h.text("#expiryLabel"))
                .startsWith("1 certificate, expires 2035-01-01 00:00 UTC (in ")
                .contains("CN=leaf.example.test");
        paste(robot, "#certKeyField", fixture("leaf-ec.key"));
        saveExpectingError(robot, "certificate.privateKey: does not belong to the leaf");
        paste(robot, "#certKeyField", fixture("leaf-rsa.key"));
        robot.clickOn("#saveButton");
        saved("leaf.example.test");

        try (ItemContent stored = h.stored("leaf.example.test")) {
            CertificateBundle bundle = (CertificateBundle) stored.data();
            assertThat(bundle.chain().strip()).isEqualTo(chain.strip());
            assertThat(string(bundle.privateKey())).isEqualTo(fixture("leaf-rsa.key"));
            assertThat(bundle.keyMatchesLeaf()).isTrue();
            assertThat(bundle.notAfter())
                    .isEqualTo(java.time.Instant.parse("2035-01-01T00:00:00Z"));
        }
    }

    private void environmentRowsWithValidatedNames(FxRobot robot) {
        newItem(robot, "Environment", "Billing service");
        h.type("#envName-0", "DATABASE_URL");
        h.type("#envValue-0", "postgres://billing");
        robot.clickOn("#addVarButton");
        h.type("#envName-1", "1TOKEN");
        h.type("#envValue-1", "tok-123");
        saveExpectingError(robot, "variable 2: name must be a letter or _");
        robot.clickOn("#envName-1").push(KeyCode.CONTROL, KeyCode.A).write("API_TOKEN");
        robot.clickOn("#addVarButton");
        h.type("#envName-2", "API_TOKEN");
        saveExpectingError(robot, "duplicate variable name");
        robot.clickOn("#envRemove-2");
        robot.clickOn("#addVarButton"); // an empty row is ignored
        robot.clickOn("#saveButton");
        saved("Billing service");

        try (ItemContent stored = h.stored("Billing service")) {
            EnvironmentSet env = (EnvironmentSet) stored.data();
            assertThat(env.vars())
                    .extracting(v -> v.name())
                    .containsExactly("DATABASE_URL", "API_TOKEN");
            assertThat(string(env.get("DATABASE_URL").value())).isEqualTo("postgres://billing");
            assertThat(string(env.get("API_TOKEN").value())).isEqualTo("tok-123");
        }

        // Edit: rows come back filled (values hidden); one removed, one added.
        h.selectItem("Billing service");
        robot.clickOn("#editButton");
        h.waitUntil(() -> h.showing("#saveButton"));
        assertThat(DesktopHarness.fx(() -> secretField(robot, "#envValue-1").secretLength()))
                .isEqualTo("tok-123".length());
        robot.clickOn("#envRemove-0");
        robot.clickOn("#addVarButton");
        h.type("#envName-2", "REGION");
        h.type("#envValue-2", "eu-west-1");
        robot.clickOn("#saveButton");
        h.waitUntil(() -> h.text("#detailDates").startsWith("Revision 2"));
        try (ItemContent stored = h.stored("Billing service")) {
            EnvironmentSet env = (EnvironmentSet) stored.data();
            assertThat(env.vars()).extracting(v -> v.name()).containsExactly("API_TOKEN", "REGION");
            assertThat(string(env.get("REGION").value())).isEqualTo("eu-west-1");
        }
    }

    private static SecretField secretField(FxRobot robot, String query) {
        return robot.lookup(query).query();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in =
                ItemTypeEditorsTest.class.getResourceAsStream("/fixtures/cert/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}

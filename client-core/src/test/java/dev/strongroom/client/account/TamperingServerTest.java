package dev.strongroom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.TamperingProxy;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious server: a proxy in front of the real one rewrites its answers. Each attack is refused
 * with a security alert (or a malformed-reply error) and nothing from the answer is used.
 */
class TamperingServerTest {

    private static final String PRELOGIN = "/api/v1/accounts/prelogin";
    private static final String LOGIN_START = "/api/v1/login/start";
    private static final String LOGIN_FINISH = "/api/v1/login/finish";

    /** The shared account's parameters: above the floors, so weaker offers can still pass them. */
    private static final KdfParams PINNED = new Argon2idParams(24576, 3, 1);

    @TempDir static Path dir;
    private static StrongroomServer server;
    private static TamperingProxy proxy;
    private static ServerApi api;
    private static final KdfPinStore pins = KdfPinStore.inMemory();
    private static String email;
    private static final char[] PASSWORD = "victim's master password".toCharArray();
    private static Registration registration;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dir.resolve("server"));
        proxy = TamperingProxy.forwardingTo(TestServers.endpoint(server));
        api = ServerApi.connect(proxy.endpoint());
        email = AccountFlowTest.newEmail("victim");
        registration = new AccountService(pins).register(api, email, PASSWORD, PINNED);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
    }

    @AfterEach
    void clear() {
        proxy.clearRules();
        proxy.clearRequests();
    }

    private static void assertAlert(ThrowingCallable call, SecurityAlertCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SecurityAlert.class, e -> assertThat(e.code()).isEqualTo(code))
                .satisfies(e -> AccountFlowTest.assertNoSecretIn(e, new String(PASSWORD)));
    }

    private static void rewriteKdf(Consumer<ObjectNode> edit) {
        proxy.rewrite("POST", PRELOGIN, tree -> edit.accept((ObjectNode) tree.get("kdf")));
    }

    private static UnlockedSession loginOnNewDevice(KdfPinStore devicePins) {
        return new AccountService(devicePins).login(api, email, PASSWORD, "new device");
    }

    @Test
    void theUntamperedProxyLetsTheVictimIn() {
        try (UnlockedSession s = new AccountService(pins).login(api, email, PASSWORD, "laptop")) {
            assertThat(s.accountId()).isEqualTo(registration.accountId());
        }
    }

    // (a) KDF parameters below the floor, whatever the pin says (a device with no pin included).

    @Test
    void kdfBelowTheFloorIsRefusedBeforeThePasswordIsUsed() {
        rewriteKdf(kdf -> kdf.put("memoryKib", 1024));
        assertAlert(
                () -> loginOnNewDevice(KdfPinStore.inMemory()), SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(proxy.requests()).containsExactly("POST " + PRELOGIN);

        rewriteKdf(kdf -> kdf.put("iterations", 1));
        assertAlert(
                () -> loginOnNewDevice(KdfPinStore.inMemory()), SecurityAlertCode.KDF_DOWNGRADE);

        rewriteKdf(
                kdf -> {
                    kdf.put("algorithm", "pbkdf2-sha256");
                    kdf.remove("memoryKib");
                    kdf.remove("parallelism");
                    kdf.put("iterations", 100_000);
                });
        assertAlert(
                () -> loginOnNewDevice(KdfPinStore.inMemory()), SecurityAlertCode.KDF_DOWNGRADE);
    }

    @Test
    void kdfBeyondTheCeilingIsRefused() {
        rewriteKdf(kdf -> kdf.put("memoryKib", 4 << 20));
        assertAlert(
                () -> loginOnNewDevice(KdfPinStore.inMemory()), SecurityAlertCode.KDF_OUT_OF_RANGE);
        rewriteKdf(kdf -> kdf.put("iterations", 1000));
        assertAlert(
                () -> loginOnNewDevice(KdfPinStore.inMemory()), SecurityAlertCode.KDF_OUT_OF_RANGE);
    }

    // (b) above the floor but weaker than what this device pinned.

    @Test
    void kdfWeakerThanThePinIsRefused() {
        rewriteKdf(kdf -> kdf.put("memoryKib", 19456));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.KDF_DOWNGRADE);
        rewriteKdf(kdf -> kdf.put("iterations", 2));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.KDF_DOWNGRADE);
        rewriteKdf(
                kdf -> {
                    kdf.put("algorithm", "pbkdf2-sha256");
                    kdf.remove("memoryKib");
                    kdf.remove("parallelism");
                    kdf.put("iterations", 600_000);
                });
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(proxy.requests()).allMatch(r -> r.equals("POST " + PRELOGIN));
        assertThat(pins.pinned(api.endpoint().id(), email)).contains(PINNED);
    }

    @Test
    void withoutAPinAWeakerOfferGetsNoFurtherThanAFailedLogin() {
        // Trust on first use: a device that never saw the account cannot know the offer is
        // weaker; the derived keys then differ, so the SRP proof fails and nothing unlocks.
        rewriteKdf(kdf -> kdf.put("memoryKib", 19456));
        KdfPinStore fresh = KdfPinStore.inMemory();
        assertThatThrownBy(() -> loginOnNewDevice(fresh))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(fresh.pinned(api.endpoint().id(), email)).isEmpty();
    }

    // (c) a server that cannot prove it knows the verifier.

    @Test
    void aWrongServerProofIsRefused() {
        proxy.rewrite(
                "POST",
                LOGIN_FINISH,
                tree -> tree.put("serverProofM2", flip(tree.get("serverProofM2").asText(), 0)));
        KdfPinStore fresh = KdfPinStore.inMemory();
        assertAlert(() -> loginOnNewDevice(fresh), SecurityAlertCode.SERVER_NOT_AUTHENTICATED);
        assertThat(fresh.pinned(api.endpoint().id(), email)).isEmpty();
    }

    @Test
    void aDegenerateServerValueBIsRefused() {
        proxy.rewrite(
                "POST",
                LOGIN_START,
                tree -> tree.put("serverPublicB", Base64Url.encode(new byte[512])));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.SERVER_NOT_AUTHENTICATED);
        assertThat(proxy.requests()).doesNotContain("POST " + LOGIN_FINISH);

        byte[] allOnes = new byte[512];
        Arrays.fill(allOnes, (byte) 0xff); // >= N
        proxy.rewrite(
                "POST", LOGIN_START, tree -> tree.put("serverPublicB", Base64Url.encode(allOnes)));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.SERVER_NOT_AUTHENTICATED);

        proxy.rewrite(
                "POST",
                LOGIN_START,
                tree -> tree.put("serverPublicB", Base64Url.encode(new byte[32])));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.SERVER_NOT_AUTHENTICATED);
    }

    @Test
    void aWrongServerProofOnPasswordChangeIsAnAlert() {
        String other = AccountFlowTest.newEmail("changer");
        KdfPinStore p = KdfPinStore.inMemory();
        AccountService accounts = new AccountService(p);
        KdfParams cheap = AccountFlowTest.CHEAP;
        accounts.register(api, other, "old".toCharArray(), cheap);
        try (UnlockedSession s = accounts.login(api, other, "old".toCharArray(), "laptop")) {
            proxy.rewrite(
                    "POST",
                    "/api/v1/account/password",
                    tree -> tree.put("serverProofM2", flip(tree.get("serverProofM2").asText(), 5)));
            assertAlert(
                    () ->
                            accounts.changePassword(
                                    s, "old".toCharArray(), "new".toCharArray(), cheap),
                    SecurityAlertCode.SERVER_NOT_AUTHENTICATED);
        }
    }

    // (d) substituted keys and tampered account data after a correct SRP run.

    private static void rewriteAccount(Consumer<ObjectNode> edit) {
        proxy.rewrite("POST", LOGIN_FINISH, tree -> edit.accept((ObjectNode) tree.get("account")));
    }

    private static void rewriteBundle(Consumer<ObjectNode> edit) {
        rewriteAccount(account -> edit.accept((ObjectNode) account.get("publicBundle")));
    }

    @Test
    void aSubstitutedEncryptionKeyInTheOwnBundleIsRefused() {
        IdentityKeys attacker = IdentityKeys.generate();
        rewriteBundle(
                b ->
                        b.put(
                                "encryptionKey",
                                Base64Url.encode(attacker.encryptionPublicKey().bytes())));
        KdfPinStore fresh = KdfPinStore.inMemory();
        assertAlert(() -> loginOnNewDevice(fresh), SecurityAlertCode.KEY_SUBSTITUTION);
        assertThat(fresh.pinned(api.endpoint().id(), email)).isEmpty();
    }

    @Test
    void aWhollyForgedButValidlySignedOwnBundleIsRefused() {
        IdentityKeys attacker = IdentityKeys.generate();
        PublicBundleJson forged =
                PublicBundleJson.of(
                        attacker.publicBundle(
                                registration.accountId().toString(),
                                email,
                                System.currentTimeMillis()));
        rewriteAccount(a -> a.set("publicBundle", WireJson.mapper().valueToTree(forged)));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void aBrokenSelfSignatureOnTheOwnBundleIsRefused() {
        rewriteBundle(b -> b.put("signature", flip(b.get("signature").asText(), 3)));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.BAD_SIGNATURE);
        rewriteBundle(b -> b.put("created", b.get("created").asLong() + 1));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void anOwnBundleNamingAnotherAccountIsRefused() {
        rewriteBundle(b -> b.put("email", "mallory@example.test"));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void aTamperedWrappedAccountKeyIsAnAlertNotAWrongPassword() {
        rewriteAccount(
                a -> a.put("wrappedAccountKey", flip(a.get("wrappedAccountKey").asText(), 40)));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.TAMPERED_DATA);
        rewriteAccount(
                a ->
                        a.put(
                                "encryptedPrivateKeys",
                                flip(a.get("encryptedPrivateKeys").asText(), 50)));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.TAMPERED_DATA);
    }

    @Test
    void anUnknownEnvelopeVersionIsAFormatDowngrade() {
        rewriteAccount(
                a -> {
                    byte[] sealed = Base64Url.decode(a.get("encryptedPrivateKeys").asText());
                    sealed[0] = 0x00;
                    a.put("encryptedPrivateKeys", Base64Url.encode(sealed));
                });
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.FORMAT_DOWNGRADE);
    }

    @Test
    void anotherAccountsDataInTheLoginAnswerIsRefused() {
        rewriteAccount(a -> a.put("email", "mallory@example.test"));
        assertAlert(() -> loginOnNewDevice(pins), SecurityAlertCode.TAMPERED_DATA);
    }

    @Test
    void aDirectoryAnswerWithASubstitutedKeyIsRefused() {
        String bob = AccountFlowTest.newEmail("bob");
        new AccountService(KdfPinStore.inMemory())
                .register(api, bob, "bob's password".toCharArray(), AccountFlowTest.CHEAP);
        AccountService accounts = new AccountService(pins);
        try (UnlockedSession s = accounts.login(api, email, PASSWORD, "laptop")) {
            proxy.rewrite(
                    "GET",
                    "/api/v1/directory/accounts",
                    tree ->
                            ((ObjectNode) tree.get("publicBundle"))
                                    .put(
                                            "encryptionKey",
                                            Base64Url.encode(
                                                    IdentityKeys.generate()
                                                            .encryptionPublicKey()
                                                            .bytes())));
            assertAlert(() -> accounts.lookup(s, bob), SecurityAlertCode.BAD_SIGNATURE);

            // Another account's genuine bundle, served for bob's email.
            proxy.rewrite(
                    "GET",
                    "/api/v1/directory/accounts",
                    tree -> {
                        tree.set(
                                "publicBundle",
                                WireJson.mapper()
                                        .valueToTree(PublicBundleJson.of(s.publicBundle())));
                    });
            assertAlert(() -> accounts.lookup(s, bob), SecurityAlertCode.KEY_SUBSTITUTION);

            proxy.rewrite("GET", "/api/v1/directory/accounts", tree -> tree.put("email", email));
            assertAlert(() -> accounts.lookup(s, bob), SecurityAlertCode.KEY_SUBSTITUTION);
        }
    }

    // (e) malformed answers in the login flow.

    @Test
    void malformedLoginAnswersAreRefused() {
        proxy.reply("POST", PRELOGIN, TamperingProxy.Reply.json(200, "{\"kdf\":"));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed JSON");

        proxy.rewrite("POST", PRELOGIN, tree -> tree.put("isAdmin", true));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("unknown field 'isAdmin'");

        proxy.rewrite("POST", PRELOGIN, tree -> tree.put("srpSalt", Base64Url.encode(new byte[8])));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("salts of the wrong length");

        byte[] padding = new byte[17 << 20];
        Arrays.fill(padding, (byte) ' ');
        proxy.on(
                "POST",
                PRELOGIN,
                (body, up) -> {
                    TamperingProxy.Reply real = up.get();
                    byte[] huge = Arrays.copyOf(real.body(), real.body().length + padding.length);
                    System.arraycopy(padding, 0, huge, real.body().length, padding.length);
                    return new TamperingProxy.Reply(200, "application/json", huge);
                });
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("larger than");

        proxy.clearRules();
        proxy.rewrite("POST", LOGIN_FINISH, tree -> tree.remove("session"));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("missing field 'session'");

        proxy.rewrite("POST", LOGIN_FINISH, tree -> tree.put("sessionToken", "short"));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("no valid session token");

        proxy.rewrite(
                "POST",
                LOGIN_FINISH,
                tree -> ((ObjectNode) tree.get("account")).put("createdAt", "yesterday"));
        assertThatThrownBy(() -> loginOnNewDevice(pins))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("account.createdAt");
        assertThat(List.of(proxy.requests().get(proxy.requests().size() - 1)))
                .containsExactly("POST " + LOGIN_FINISH);
    }

    /** Flips one bit of the byte at {@code index} of a base64url value. */
    static String flip(String base64url, int index) {
        byte[] b = Base64Url.decode(base64url);
        b[index] ^= 0x01;
        return Base64Url.encode(b);
    }
}

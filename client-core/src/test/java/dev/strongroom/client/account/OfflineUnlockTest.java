package dev.strongroom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.StrongroomServer;
import dev.strongroom.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlocking with the server down, from the record the last online login left on the device, and the
 * server session that follows when the server is back: a real server stopped and restarted on the
 * same port and data directory.
 */
class OfflineUnlockTest {

    private static final KdfParams CHEAP = AccountFlowTest.CHEAP;
    private static final String PASSWORD = "offline master password";

    @TempDir Path dir;
    private StrongroomServer server;
    private int port;
    private ServerApi api;
    private final KdfPinStore pins = KdfPinStore.inMemory();
    private OfflineAccounts records;
    private AccountService accounts;
    private String email;

    @BeforeEach
    void registerAndLogInOnce() {
        server = StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(0));
        port = server.port();
        api = ServerApi.connect(ServerEndpoint.of("http://127.0.0.1:" + port, null));
        records = new OfflineAccounts(dir.resolve("offline"));
        accounts = new AccountService(pins, records);
        email = AccountFlowTest.newEmail("olivia");
        accounts.register(api, email, PASSWORD.toCharArray(), CHEAP);
        accounts.login(api, email, PASSWORD.toCharArray(), "laptop").close();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void restart() {
        server =
                StrongroomServer.start(ServerConfig.defaults(dir.resolve("server")).withPort(port));
    }

    @Test
    void withTheServerDownTheRecordUnlocksAndTheServerSessionFollowsWhenItIsBack() {
        server.close();
        assertThatThrownBy(() -> accounts.login(api, email, PASSWORD.toCharArray(), "laptop"))
                .isInstanceOf(ServerUnreachableException.class);
        try (UnlockedSession s =
                accounts.unlockOffline(api, email, PASSWORD.toCharArray(), "laptop")
                        .orElseThrow()) {
            assertThat(s.isOffline()).isTrue();
            assertThat(s.sessionId()).isNull();
            assertThat(s.identity().signingPublicKey()).isEqualTo(s.publicBundle().signingKey());
            assertThatThrownBy(s::token).isInstanceOf(ServerUnreachableException.class);
            assertThat(s.isOffline()).isTrue();

            restart();
            assertThat(s.token()).isNotNull();
            assertThat(s.isOffline()).isFalse();
            assertThat(s.sessionId()).isNotNull();
            assertThat(accounts.listSessions(s))
                    .anySatisfy(info -> assertThat(info.current()).isTrue());
        }
    }

    @Test
    void aWrongPasswordOpensNothing() {
        server.close();
        assertThatThrownBy(
                        () -> accounts.unlockOffline(api, email, "wrong".toCharArray(), "laptop"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("email or master password is wrong");
    }

    @Test
    void aRecordAlteredOnDiskOpensNothing() throws IOException {
        server.close();
        rewriteRecord(
                doc -> {
                    ObjectNode account = (ObjectNode) doc.get("account");
                    byte[] wrapped =
                            Base64.getUrlDecoder()
                                    .decode(account.get("wrappedAccountKey").asText());
                    wrapped[wrapped.length - 1] ^= 1;
                    account.put(
                            "wrappedAccountKey",
                            Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped));
                });
        assertThatThrownBy(
                        () -> accounts.unlockOffline(api, email, PASSWORD.toCharArray(), "laptop"))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void aRecordWithWeakerKdfParametersIsADowngradeAlertBeforeThePasswordIsUsed()
            throws IOException {
        server.close();
        rewriteRecord(doc -> ((ObjectNode) doc.get("prelogin").get("kdf")).put("iterations", 1));
        assertThatThrownBy(
                        () -> accounts.unlockOffline(api, email, PASSWORD.toCharArray(), "laptop"))
                .isInstanceOf(SecurityAlert.class)
                .satisfies(
                        e ->
                                assertThat(((SecurityAlert) e).code())
                                        .isIn(
                                                SecurityAlertCode.KDF_DOWNGRADE,
                                                SecurityAlertCode.KDF_OUT_OF_RANGE));
    }

    @Test
    void aPasswordChangedOnAnotherDeviceStopsTheDeferredLoginWithAClearMessage() {
        server.close();
        try (UnlockedSession s =
                accounts.unlockOffline(api, email, PASSWORD.toCharArray(), "laptop")
                        .orElseThrow()) {
            restart();
            AccountService otherDevice = new AccountService(KdfPinStore.inMemory());
            try (UnlockedSession other =
                    otherDevice.login(api, email, PASSWORD.toCharArray(), "phone")) {
                otherDevice.changePassword(
                        other, PASSWORD.toCharArray(), "a new password".toCharArray(), CHEAP);
            }
            assertThatThrownBy(s::token)
                    .isInstanceOf(WrongPasswordException.class)
                    .hasMessageContaining("no longer logs in");
        }
    }

    @Test
    void aPasswordChangedOnThisDeviceKeepsTheRecordInStepAndLogoutDropsIt() {
        try (UnlockedSession s = accounts.login(api, email, PASSWORD.toCharArray(), "laptop")) {
            accounts.changePassword(s, PASSWORD.toCharArray(), "renewed".toCharArray(), CHEAP);
        }
        server.close();
        assertThatThrownBy(
                        () -> accounts.unlockOffline(api, email, PASSWORD.toCharArray(), "laptop"))
                .isInstanceOf(WrongPasswordException.class);
        accounts.unlockOffline(api, email, "renewed".toCharArray(), "laptop").orElseThrow().close();

        restart();
        accounts.logout(accounts.login(api, email, "renewed".toCharArray(), "laptop"));
        assertThat(records.find(api.endpoint().id(), email)).isEmpty();
        assertThat(accounts.unlockOffline(api, email, "renewed".toCharArray(), "laptop")).isEmpty();
    }

    @Test
    void anAccountNeverLoggedInOnThisDeviceHasNoRecordAndTheFileNameHidesTheEmail()
            throws IOException {
        assertThat(
                        accounts.unlockOffline(
                                api,
                                "x-" + UUID.randomUUID() + "@example.test",
                                PASSWORD.toCharArray(),
                                "laptop"))
                .isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("offline"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(name -> assertThat(name).doesNotContain("olivia"));
        }
    }

    private interface Edit {
        void apply(ObjectNode doc);
    }

    private void rewriteRecord(Edit edit) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("offline"))) {
            Path file = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            ObjectNode doc = (ObjectNode) WireJson.mapper().readTree(file.toFile());
            edit.apply(doc);
            Files.write(file, WireJson.mapper().writeValueAsBytes(doc));
        }
    }
}

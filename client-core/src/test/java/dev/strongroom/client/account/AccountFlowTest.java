package dev.strongroom.client.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.client.api.AuthenticationException;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.api.NotFoundException;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.session.SessionLockedException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.wire.SessionInfo;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account flows end to end against a real sync server in this JVM. */
class AccountFlowTest {

    /** Floor-respecting but cheap Argon2id, so each KDF run costs tens of milliseconds. */
    static final KdfParams CHEAP = new Argon2idParams(19456, 2, 1);

    @TempDir static Path dir;
    private static StrongroomServer server;
    private static ServerApi api;

    private final KdfPinStore pins = KdfPinStore.inMemory();
    private final AccountService accounts = new AccountService(pins);

    @BeforeAll
    static void start() {
        server = TestServers.start(dir.resolve("server"));
        api = ServerApi.connect(TestServers.endpoint(server));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    @Test
    void registerThenLogInUnlocksTheAccount() {
        String email = newEmail("alice");
        char[] password = "correct horse battery staple".toCharArray();
        Registration reg = accounts.register(api, email, password, CHEAP);
        assertThat(reg.email()).isEqualTo(email);
        assertThat(pins.pinned(api.endpoint().id(), email)).contains(CHEAP);

        try (UnlockedSession s =
                accounts.login(api, "  " + email.toUpperCase() + " ", password, "laptop")) {
            assertThat(s.accountId()).isEqualTo(reg.accountId());
            assertThat(s.email()).isEqualTo(email);
            assertThat(s.publicBundle().fingerprint()).isEqualTo(reg.publicBundle().fingerprint());
            assertThat(s.identity().encryptionPublicKey())
                    .isEqualTo(reg.publicBundle().encryptionKey());
            assertThat(s.identity().signingPublicKey()).isEqualTo(reg.publicBundle().signingKey());
            List<SessionInfo> sessions = accounts.listSessions(s);
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0).current()).isTrue();
            assertThat(sessions.get(0).deviceName()).isEqualTo("laptop");
            assertThat(s.toString())
                    .doesNotContain(s.token().reveal())
                    .contains(reg.accountId().toString());
        }
    }

    @Test
    void aDeviceThatNeverSawTheAccountPinsItsParametersOnFirstLogin() {
        String email = newEmail("bob");
        char[] password = "pw for bob".toCharArray();
        accounts.register(api, email, password, CHEAP);
        KdfPinStore otherDevice = KdfPinStore.inMemory();
        try (UnlockedSession s =
                new AccountService(otherDevice).login(api, email, password, "phone")) {
            assertThat(otherDevice.pinned(api.endpoint().id(), email)).contains(CHEAP);
        }
    }

    @Test
    void aWrongPasswordIsATypedErrorThatLeaksNothing() {
        String email = newEmail("carol");
        accounts.register(api, email, "the real password".toCharArray(), CHEAP);
        String wrong = "Tr0ub4dor&3-wrong";
        assertThatThrownBy(() -> accounts.login(api, email, wrong.toCharArray(), "laptop"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("email or master password is wrong")
                .satisfies(e -> assertNoSecretIn(e, wrong, "the real password"));
        // An unknown email fails exactly the same way (the server does not reveal existence).
        assertThatThrownBy(
                        () ->
                                accounts.login(
                                        api,
                                        newEmail("nobody"),
                                        CHEAP_PASSWORD.toCharArray(),
                                        "laptop"))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("email or master password is wrong");
    }

    private static final String CHEAP_PASSWORD = "whatever";

    static void assertNoSecretIn(Throwable e, String... secrets) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                assertThat(t.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void changingThePasswordKeepsTheAccountKeyAndRevokesOtherDevices() {
        String email = newEmail("dave");
        char[] oldPassword = "old password".toCharArray();
        char[] newPassword = "new password".toCharArray();
        KdfParams stronger = new Argon2idParams(19456, 3, 1);
        accounts.register(api, email, oldPassword, CHEAP);
        UnlockedSession laptop = accounts.login(api, email, oldPassword, "laptop");
        UnlockedSession phone = accounts.login(api, email, oldPassword, "phone");
        byte[] accountKey = laptop.accountKey().copyBytes();

        assertThatThrownBy(
                        () ->
                                accounts.changePassword(
                                        laptop, "not it".toCharArray(), newPassword, stronger))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(accounts.changePassword(laptop, oldPassword, newPassword, stronger))
                .isEqualTo(1);
        assertThat(pins.pinned(api.endpoint().id(), email)).contains(stronger);

        assertThatThrownBy(() -> accounts.listSessions(phone))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.is(ErrorCode.SESSION_EXPIRED)).isTrue());
        assertThat(accounts.listSessions(laptop)).hasSize(1);
        assertThatThrownBy(() -> accounts.login(api, email, oldPassword, "tablet"))
                .isInstanceOf(WrongPasswordException.class);
        try (UnlockedSession tablet = accounts.login(api, email, newPassword, "tablet")) {
            assertThat(tablet.accountKey().copyBytes()).isEqualTo(accountKey);
            assertThat(tablet.publicBundle().fingerprint())
                    .isEqualTo(laptop.publicBundle().fingerprint());
        }
        laptop.close();
        phone.close();
    }

    @Test
    void twoDevicesSeeEachOtherAndOneRevokesTheOther() {
        String email = newEmail("erin");
        char[] password = "erin's password".toCharArray();
        accounts.register(api, email, password, CHEAP);
        try (UnlockedSession laptop = accounts.login(api, email, password, "laptop");
                UnlockedSession phone = accounts.login(api, email, password, "phone")) {
            List<SessionInfo> seen = accounts.listSessions(laptop);
            assertThat(seen)
                    .extracting(SessionInfo::deviceName)
                    .containsExactlyInAnyOrder("laptop", "phone");
            assertThat(seen)
                    .filteredOn(SessionInfo::current)
                    .extracting(SessionInfo::sessionId)
                    .containsExactly(laptop.sessionId());

            accounts.revokeSession(laptop, phone.sessionId());
            assertThatThrownBy(() -> accounts.listSessions(phone))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(accounts.listSessions(laptop))
                    .extracting(SessionInfo::sessionId)
                    .containsExactly(laptop.sessionId());
            assertThatThrownBy(() -> accounts.revokeSession(laptop, phone.sessionId()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void logoutEndsTheServerSessionAndLocksTheKeys() {
        String email = newEmail("frank");
        char[] password = "frank's password".toCharArray();
        accounts.register(api, email, password, CHEAP);
        UnlockedSession s = accounts.login(api, email, password, "laptop");
        String raw = s.token().reveal();
        var accountKey = s.accountKey();
        accounts.logout(s);
        assertThat(s.isLocked()).isTrue();
        assertThat(accountKey.isDestroyed()).isTrue();
        assertThatThrownBy(s::accountKey).isInstanceOf(SessionLockedException.class);
        assertThatThrownBy(() -> api.sessions(BearerToken.of(raw)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void deletingTheAccountNeedsThePasswordAndForgetsThePin() {
        String email = newEmail("grace");
        char[] password = "grace's password".toCharArray();
        accounts.register(api, email, password, CHEAP);
        UnlockedSession s = accounts.login(api, email, password, "laptop");
        assertThatThrownBy(() -> accounts.deleteAccount(s, "guess".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(s.isLocked()).isFalse();
        assertThat(accounts.listSessions(s)).hasSize(1);

        accounts.deleteAccount(s, password);
        assertThat(s.isLocked()).isTrue();
        assertThat(pins.pinned(api.endpoint().id(), email)).isEmpty();
        assertThatThrownBy(() -> accounts.login(api, email, password, "laptop"))
                .isInstanceOf(WrongPasswordException.class);
    }

    @Test
    void registeringATakenEmailIsAConflict() {
        String email = newEmail("heidi");
        accounts.register(api, email, "first".toCharArray(), CHEAP);
        assertThatThrownBy(() -> accounts.register(api, email, "second".toCharArray(), CHEAP))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.is(ErrorCode.ALREADY_EXISTS)).isTrue());
    }

    @Test
    void theDirectoryGivesOtherAccountsSelfSignedBundles() {
        String alice = newEmail("ivan");
        String bob = newEmail("judy");
        char[] password = "ivan's password".toCharArray();
        accounts.register(api, alice, password, CHEAP);
        Registration bobReg = accounts.register(api, bob, "judy's password".toCharArray(), CHEAP);
        try (UnlockedSession s = accounts.login(api, alice, password, "laptop")) {
            PublicBundle byEmail = accounts.lookup(s, bob.toUpperCase());
            assertThat(byEmail.fingerprint()).isEqualTo(bobReg.publicBundle().fingerprint());
            assertThat(byEmail.fingerprint().digits())
                    .isEqualTo(bobReg.publicBundle().fingerprint().digits());
            PublicBundle byId = accounts.lookup(s, bobReg.accountId());
            assertThat(byId.fingerprint()).isEqualTo(byEmail.fingerprint());
            assertThatThrownBy(() -> accounts.lookup(s, newEmail("nobody")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.lookup(s, UUID.randomUUID()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void emptyPasswordsAndInvalidEmailsAreRefusedLocally() {
        assertThatThrownBy(() -> accounts.register(api, newEmail("x"), new char[0], CHEAP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.login(api, "no-at-sign", "pw".toCharArray(), "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

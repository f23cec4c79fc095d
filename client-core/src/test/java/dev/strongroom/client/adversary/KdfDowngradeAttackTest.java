package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attack 3: the server downgrades the password-hashing parameters at prelogin, to make an offline
 * guess of the password cheap from what the client sends next. The client refuses before it runs
 * the KDF or sends anything derived from the password, and its pin stays as it was.
 */
class KdfDowngradeAttackTest {

    static final String PRELOGIN = "/api/v1/accounts/prelogin";

    /** The victim's parameters: above the floors, so an offer can be weaker yet pass them. */
    static final KdfParams PINNED = new Argon2idParams(24576, 3, 1);

    @TempDir static Path dir;
    static StrongroomServer server;
    static MaliciousServer proxy;
    static String email = World.email("kdf-victim");
    static final KdfPinStore pins = KdfPinStore.inMemory();

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dir.resolve("server"));
        proxy = new MaliciousServer(TestServers.endpoint(server)).recording(true);
        new AccountService(pins)
                .register(
                        ServerApi.connect(proxy.endpoint()), email, World.password(email), PINNED);
    }

    @AfterAll
    static void stop() {
        proxy.close();
        server.close();
    }

    @AfterEach
    void honest() {
        proxy.clearRules();
        proxy.clearRecorded();
    }

    /** The offer rewritten by {@code edit}; the login must be refused after prelogin alone. */
    static void refused(KdfPinStore store, UnaryOperator<ObjectNode> edit) {
        proxy.rewriteResponse(
                "POST",
                PRELOGIN,
                t -> {
                    edit.apply((ObjectNode) t.get("kdf"));
                    return t;
                });
        Optional<KdfParams> before = store.pinned(proxy.endpoint().id(), email);
        SecurityAlert alert =
                catchThrowableOfType(
                        () ->
                                new AccountService(store)
                                        .login(
                                                ServerApi.connect(proxy.endpoint()),
                                                email,
                                                World.password(email),
                                                "victim"),
                        SecurityAlert.class);
        assertThat(alert).isNotNull();
        assertThat(alert.code()).isEqualTo(SecurityAlertCode.KDF_DOWNGRADE);
        assertThat(alert.getMessage()).doesNotContain(new String(World.password(email)));
        assertThat(proxy.recorded())
                .as("nothing derived from the password was sent")
                .allMatch(e -> e.request().path().equals(PRELOGIN));
        assertThat(store.pinned(proxy.endpoint().id(), email)).isEqualTo(before);
        proxy.clearRecorded();
    }

    static ObjectNode pbkdf2(ObjectNode kdf, int iterations) {
        kdf.put("algorithm", "pbkdf2-sha256");
        kdf.remove("memoryKib");
        kdf.remove("parallelism");
        kdf.put("iterations", iterations);
        return kdf;
    }

    @Test
    void kdfBelowTheFloorsIsRefusedEvenWithoutAPin() {
        KdfPinStore fresh = KdfPinStore.inMemory();
        refused(fresh, k -> k.put("memoryKib", 1024));
        refused(fresh, k -> k.put("iterations", 1));
        refused(fresh, k -> pbkdf2(k, 1000));
    }

    @Test
    void kdfWeakerThanThePinnedParametersIsRefused() {
        refused(pins, k -> k.put("memoryKib", 19456));
        refused(pins, k -> k.put("iterations", 2));
        refused(pins, k -> pbkdf2(k, 600_000));
        assertThat(pins.pinned(proxy.endpoint().id(), email)).contains(PINNED);
    }

    @Test
    void theHonestOfferStillLogsIn() {
        new AccountService(pins)
                .login(ServerApi.connect(proxy.endpoint()), email, World.password(email), "victim")
                .close();
        JsonNode kdf = proxy.lastResponse("POST", PRELOGIN).json().get("kdf");
        assertThat(kdf.get("memoryKib").asInt()).isEqualTo(24576);
    }
}

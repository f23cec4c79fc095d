package dev.strongroom.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.LoginStartRequest;
import dev.strongroom.model.wire.MachineCreateRequest;
import dev.strongroom.model.wire.MachineRevokeRequest;
import dev.strongroom.model.wire.MachineSecretRequest;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RestoreItemRequest;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.UpdateVaultMetadataRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultSummary;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestMachine;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the main POST/PUT endpoints with jqwik: (1) random JSON values of any shape, and (2)
 * valid requests (current revisions, real ids, correctly signed log entries) mutated once to three
 * times: fields dropped, nulled, added, retyped, replaced by edge numbers, SQL metacharacters, odd
 * unicode, huge strings, corrupted base64, nested mutations, or the text cut short. Proves: never a
 * 5xx; every 4xx is the uniform JSON error body without stack trace or SQL text; a rejected request
 * changes no row (DbSnapshot before and after). A mutation that is still a valid request may
 * succeed, which is fine.
 */
class PayloadFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STRINGS = {
        "",
        " ",
        "a",
        "' OR '1'='1",
        "\"; DROP TABLE items; --",
        "%00",
        "\u0000",
        "\uD83D\uDE00\u202E\u200B",
        "\uFEFFé\u0301",
        "${jndi:ldap://x}",
        "../../etc/passwd",
        "NaN",
        "-1",
        "00000000-0000-0000-0000-000000000000",
        "AAAA",
        "not base64!",
        "x".repeat(5000)
    };

    private static TestServer server;
    private static Api api;
    private static TestUser alice;
    private static TestTeam team;
    private static UUID vault;
    private static UUID item;
    private static TestMachine machine;
    private static dev.strongroom.server.testing.TestRecovery recovery;

    private static synchronized void fixtures() throws Exception {
        if (server != null) {
            return;
        }
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("fuzz"));
        api = server.api();
        alice = new TestUser("fuzz").register(api).login(api);
        team = new TestTeam(api).create(alice);
        vault = team.createVault(alice);
        item = UUID.randomUUID();
        TestTeam.created(TestTeam.createItem(api, alice, vault, item, 1));
        TestTeam.updateItem(api, alice, vault, item, 1, 1, false);
        machine = new TestMachine();
        machine.create(api, team, alice, null);
        TestUser bob = new TestUser("fuzz-bob").register(api).login(api);
        team.addMember(alice, bob, dev.strongroom.model.log.Role.MEMBER);
        recovery =
                new dev.strongroom.server.testing.TestRecovery(
                                api, team, 2, 0, false, List.of(alice, bob))
                        .set(alice);
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** One endpoint with a fresh valid request for it. */
    record Endpoint(String name, String method, Supplier<String> path, Supplier<Object> valid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        String items = "/api/v1/vaults/%s/items";
        return List.of(
                new Endpoint(
                        "prelogin",
                        "POST",
                        () -> "/api/v1/accounts/prelogin",
                        () -> new PreloginRequest(alice.email)),
                new Endpoint(
                        "register",
                        "POST",
                        () -> "/api/v1/accounts",
                        () -> new TestUser("fz").registerRequest()),
                new Endpoint(
                        "login/start",
                        "POST",
                        () -> "/api/v1/login/start",
                        () -> new LoginStartRequest(alice.email)),
                new Endpoint(
                        "login/finish",
                        "POST",
                        () -> "/api/v1/login/finish",
                        () -> new LoginFinishRequest(alice.proof(api, alice.authSecret), "fuzz")),
                new Endpoint(
                        "teams",
                        "POST",
                        () -> "/api/v1/teams",
                        () -> {
                            TestTeam t = new TestTeam(api);
                            return new CreateTeamRequest(
                                    t.id,
                                    t.next(
                                            alice,
                                            new LogAction.CreateTeam(
                                                    null,
                                                    alice.bundle(),
                                                    t.sealedName(alice, alice))));
                        }),
                new Endpoint(
                        "teams/log",
                        "POST",
                        () -> "/api/v1/teams/" + team.id + "/log",
                        () -> {
                            byte[] wrap = Randoms.bytes(80);
                            SignedLogEntry e =
                                    team.next(
                                            alice,
                                            new LogAction.CreateVault(
                                                    UUID.randomUUID().toString(),
                                                    TestTeam.digest(wrap)));
                            return new AppendLogRequest(
                                    e,
                                    Randoms.bytes(40),
                                    List.of(new KeyWrapUpload(1, alice.id.toString(), wrap)),
                                    List.of());
                        }),
                new Endpoint(
                        "items create",
                        "POST",
                        () -> items.formatted(vault),
                        () ->
                                new CreateItemRequest(
                                        UUID.randomUUID(),
                                        1,
                                        Randoms.bytes(72),
                                        Randoms.bytes(100),
                                        Randoms.bytes(64),
                                        0L)),
                new Endpoint(
                        "items update",
                        "PUT",
                        () -> items.formatted(vault) + "/" + item,
                        () ->
                                new UpdateItemRequest(
                                        currentRevision(),
                                        1,
                                        Randoms.bytes(72),
                                        Randoms.bytes(100),
                                        false,
                                        Randoms.bytes(64),
                                        0L)),
                new Endpoint(
                        "items restore",
                        "POST",
                        () -> items.formatted(vault) + "/" + item + "/restore",
                        () -> new RestoreItemRequest(1L, currentRevision(), Randoms.bytes(64), 0L)),
                new Endpoint(
                        "vault metadata",
                        "PUT",
                        () -> "/api/v1/vaults/" + vault + "/metadata",
                        () ->
                                new UpdateVaultMetadataRequest(
                                        vaultSummary().metadataRevision(), Randoms.bytes(50))),
                new Endpoint(
                        "vault head",
                        "PUT",
                        () -> "/api/v1/vaults/" + vault + "/head",
                        () ->
                                new VaultHeadRequest(
                                        nextHeadCounter(),
                                        1,
                                        Randoms.bytes(32),
                                        1,
                                        team.seq(),
                                        Randoms.bytes(64))),
                new Endpoint(
                        "machines create",
                        "POST",
                        () -> "/api/v1/teams/" + team.id + "/machines",
                        () -> new TestMachine().createRequest(team, alice, null)),
                new Endpoint(
                        "machine secret",
                        "PUT",
                        () -> "/api/v1/teams/" + team.id + "/machines/" + machine.id + "/secret",
                        () -> new MachineSecretRequest(Randoms.bytes(32))),
                new Endpoint(
                        "machine revoke",
                        "POST",
                        () -> "/api/v1/teams/" + team.id + "/machines/" + machine.id + "/revoke",
                        () ->
                                new MachineRevokeRequest(
                                        team.next(
                                                alice,
                                                new LogAction.RemoveMachine(
                                                        machine.id.toString())))),
                new Endpoint(
                        "recovery enrollment",
                        "PUT",
                        () -> RecoveryPaths.enrollment(team.id),
                        () -> new RecoveryEnrollmentRequest(1, Randoms.bytes(80))),
                new Endpoint(
                        "recovery request",
                        "POST",
                        () -> RecoveryPaths.requests(team.id),
                        () ->
                                new RecoveryOpenRequest(
                                        recovery.request(
                                                alice,
                                                UUID.randomUUID(),
                                                new RecoveryScope("team", team.id.toString())))),
                new Endpoint(
                        "account password",
                        "POST",
                        () -> "/api/v1/account/password",
                        () -> NODES.objectNode().put("kdf", "x")));
    }

    private static long currentRevision() {
        return api.get("/api/v1/vaults/" + vault + "/items/" + item, alice.token)
                .as(ItemResponse.class)
                .revision();
    }

    /**
     * A counter the server accepts now: above the change sequence and above any head that an
     * accepted mutation stored earlier (properties may run before the example).
     */
    private static long nextHeadCounter() {
        long counter = vaultSummary().changeSeq();
        Api.Response head = api.get("/api/v1/vaults/" + vault + "/head", alice.token);
        if (head.status() == 200) {
            counter = Math.max(counter, head.as(VaultHeadResponse.class).counter() + 1);
        }
        return counter;
    }

    private static VaultSummary vaultSummary() {
        return api.get("/api/v1/vaults/" + vault, alice.token).as(VaultSummary.class);
    }

    @Provide
    Arbitrary<Endpoint> endpoint() {
        return Arbitraries.of(endpoints());
    }

    /** The unmutated requests are valid, so the mutations start from requests that get deep. */
    @net.jqwik.api.Example
    void theValidRequestsAreAccepted() throws Exception {
        // Fresh fixtures: jqwik may run the properties first, and an accepted mutation (a log
        // entry, a head) moves state on so that the shared fixtures' "valid" requests are stale.
        stop();
        fixtures();
        for (Endpoint e : endpoints()) {
            if (e.name().equals("account password")) {
                continue; // a valid change would revoke the fixtures' session
            }
            Object valid = e.valid().get();
            Api.Response r =
                    valid instanceof AppendLogRequest append
                            // through TestTeam, which then knows the chain moved on
                            ? team.append(alice, append.entry(), append)
                            : valid instanceof MachineCreateRequest create
                                    ? team.submit(alice, create.entry(), teamSuffix(e), create)
                                    : valid instanceof MachineRevokeRequest revoke
                                            ? team.submit(
                                                    alice, revoke.entry(), teamSuffix(e), revoke)
                                            : api.send(
                                                    e.method(),
                                                    e.path().get(),
                                                    alice.token,
                                                    WireJson.mapper().writeValueAsString(valid),
                                                    "application/json");
            assertThat(r.status()).as("%s: %s", e, r).isBetween(200, 299);
        }
    }

    /** The part of a team route after the team's path. */
    private static String teamSuffix(Endpoint e) {
        return e.path().get().substring(("/api/v1/teams/" + team.id).length());
    }

    @Property(tries = 150)
    void randomJsonNeverFailsTheServer(@ForAll("endpoint") Endpoint e, @ForAll Random random)
            throws Exception {
        fixtures();
        String body =
                random.nextInt(10) == 0
                        ? randomString(random)
                        : WireJson.mapper().writeValueAsString(randomJson(random, 3));
        check(e, body, true);
    }

    @Property(tries = 300)
    void mutatedValidRequestsNeverFailTheServerOrChangeRowsWhenRejected(
            @ForAll("endpoint") Endpoint e, @ForAll Random random) throws Exception {
        fixtures();
        JsonNode valid = WireJson.mapper().valueToTree(e.valid().get());
        JsonNode mutated = valid.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            mutated = mutate(mutated, random);
        }
        String body = WireJson.mapper().writeValueAsString(mutated);
        if (random.nextInt(12) == 0) {
            body = body.substring(0, random.nextInt(Math.max(1, body.length())));
        }
        check(e, body, false);
    }

    /** Sends the body; a 5xx, a malformed error, or a rejection that changed a row fails. */
    private static void check(Endpoint e, String body, boolean mustBeRejected) {
        List<String> before = server.snapshot();
        Api.Response r =
                api.send(e.method(), e.path().get(), alice.token, body, "application/json");
        assertThat(r.status()).as("%s %s -> %s", e, abbreviate(body), r).isLessThan(500);
        Statistics.collect(e.name(), r.status() / 100 + "xx");
        if (r.status() >= 400) {
            JsonNode error = r.json().path("error");
            assertThat(error.path("code").isTextual()).as(r.body()).isTrue();
            assertThat(error.path("message").isTextual()).as(r.body()).isTrue();
            assertThat(r.body()).doesNotContain("Exception", "\tat ", "SELECT ", "INSERT ", "SQL");
            assertThat(server.snapshot())
                    .as("%s rejected %s", e, abbreviate(body))
                    .isEqualTo(before);
        } else if (mustBeRejected) {
            throw new AssertionError(e + " accepted random JSON " + abbreviate(body) + ": " + r);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...(" + s.length() + " chars)";
    }

    static JsonNode mutate(JsonNode node, Random random) {
        if (!(node instanceof ObjectNode obj) || obj.isEmpty()) {
            return random.nextBoolean() ? randomJson(random, 2) : node;
        }
        List<String> names = new ArrayList<>();
        Iterator<String> it = obj.fieldNames();
        it.forEachRemaining(names::add);
        String field = names.get(random.nextInt(names.size()));
        JsonNode value = obj.get(field);
        switch (random.nextInt(10)) {
            case 0 -> obj.remove(field);
            case 1 -> obj.putNull(field);
            case 2 -> obj.set("unknown" + random.nextInt(3), randomJson(random, 1));
            case 3 -> obj.set(field, randomJson(random, 2));
            case 4 -> obj.set(field, edgeNumber(random));
            case 5 -> obj.put(field, randomString(random));
            case 6 -> {
                if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                    String s = value.asText();
                    int at = random.nextInt(s.length());
                    String edited =
                            switch (random.nextInt(3)) {
                                case 0 -> s.substring(0, at);
                                case 1 ->
                                        s.substring(0, at)
                                                + (char) (s.charAt(at) ^ 1)
                                                + s.substring(at + 1);
                                default -> s + STRINGS[random.nextInt(STRINGS.length)];
                            };
                    obj.put(field, edited);
                } else {
                    obj.set(field, edgeNumber(random));
                }
            }
            case 7 -> {
                if (value instanceof ObjectNode) {
                    obj.set(field, mutate(value, random));
                } else {
                    obj.set(field, NODES.arrayNode().add(value == null ? NODES.nullNode() : value));
                }
            }
            case 8 -> {
                return NODES.arrayNode().add(obj);
            }
            default -> {
                if (value != null && value.isNumber()) {
                    obj.put(field, value.asText()); // number as string
                } else {
                    obj.set(field, NODES.booleanNode(random.nextBoolean()));
                }
            }
        }
        return obj;
    }

    static JsonNode randomJson(Random random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 4 : 6);
        switch (kind) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return edgeNumber(random);
            case 3:
                return NODES.textNode(randomString(random));
            case 4:
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomJson(random, depth - 1));
                }
                return a;
            default:
                ObjectNode o = NODES.objectNode();
                String[] names = {
                    "email",
                    "itemId",
                    "expectedRevision",
                    "content",
                    "signature",
                    "keyVersion",
                    "entry",
                    "proof",
                    "kdf",
                    "metadata",
                    "deleted",
                    "logSeq",
                    "x"
                };
                for (int i = random.nextInt(5); i > 0; i--) {
                    o.set(names[random.nextInt(names.length)], randomJson(random, depth - 1));
                }
                return o;
        }
    }

    static JsonNode edgeNumber(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(0);
            case 1 -> NODES.numberNode(-1);
            case 2 -> NODES.numberNode(Long.MAX_VALUE);
            case 3 -> NODES.numberNode(Long.MIN_VALUE);
            case 4 -> NODES.numberNode(BigInteger.TWO.pow(80));
            case 5 -> NODES.numberNode(1.5e308);
            case 6 -> NODES.numberNode(Integer.MAX_VALUE + 1L);
            default -> NODES.numberNode(random.nextInt(1000) - 10);
        };
    }

    static String randomString(Random random) {
        if (random.nextInt(3) == 0) {
            return UUID.randomUUID().toString();
        }
        return STRINGS[random.nextInt(STRINGS.length)];
    }
}

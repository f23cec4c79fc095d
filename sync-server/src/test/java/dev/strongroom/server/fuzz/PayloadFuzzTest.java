package dev.strongroom.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.ChangePasswordRequest;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.LoginFinishRequest;
import dev.strongroom.model.wire.PreloginRequest;
import dev.strongroom.model.wire.RestoreItemRequest;
import dev.strongroom.model.wire.SrpProof;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.UpdateVaultMetadataRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.testing.Api;
import dev.strongroom.server.testing.Backend;
import dev.strongroom.server.testing.TestServer;
import dev.strongroom.server.testing.TestTeam;
import dev.strongroom.server.testing.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated payloads for every endpoint that takes a body: the server never answers 5xx,
 * and a rejected request never changes a row (checked on SQLite and on PostgreSQL).
 */
class PayloadFuzzTest {

    private record Target(String method, String path, String body) {}

    private static final List<TestServer> SERVERS = new ArrayList<>();
    private static final List<List<Target>> TARGETS = new ArrayList<>();
    private static final List<String> TOKENS = new ArrayList<>();

    @BeforeContainer
    static void start() throws Exception {
        for (Backend backend : Backend.values()) {
            TestServer server = TestServer.start(backend, Files.createTempDirectory("fuzz"));
            Api api = server.api();
            TestUser alice = new TestUser("fuzz").register(api).login(api);
            TestTeam team = new TestTeam(api).create(alice);
            UUID vault = team.createVault(alice);
            UUID item = UUID.randomUUID();
            TestTeam.created(TestTeam.createItem(api, alice, vault, item, 1));
            String v = "/api/v1/vaults/" + vault;
            SignedLogEntry entry =
                    team.next(alice, new LogAction.ChangeRole(alice.id.toString(), Role.ADMIN));
            SrpProof proof = new SrpProof(UUID.randomUUID(), Randoms.bytes(512), Randoms.bytes(32));
            List<Target> targets =
                    List.of(
                            new Target(
                                    "POST",
                                    "/api/v1/accounts/prelogin",
                                    json(new PreloginRequest(alice.email))),
                            new Target(
                                    "POST",
                                    "/api/v1/accounts",
                                    json(new TestUser("new").registerRequest())),
                            new Target(
                                    "POST",
                                    "/api/v1/login/start",
                                    json(new PreloginRequest(alice.email))),
                            new Target(
                                    "POST",
                                    "/api/v1/login/finish",
                                    json(new LoginFinishRequest(proof, "d"))),
                            new Target(
                                    "POST",
                                    "/api/v1/account/password",
                                    json(
                                            new ChangePasswordRequest(
                                                    proof,
                                                    alice.kdf,
                                                    alice.srpSalt,
                                                    alice.verifier(),
                                                    alice.wrappedAccountKey))),
                            new Target(
                                    "POST",
                                    "/api/v1/teams/" + team.id + "/log",
                                    json(new AppendLogRequest(entry, null, List.of(), List.of()))),
                            new Target(
                                    "POST",
                                    v + "/items",
                                    json(
                                            new CreateItemRequest(
                                                    UUID.randomUUID(),
                                                    1,
                                                    Randoms.bytes(72),
                                                    Randoms.bytes(100),
                                                    Randoms.bytes(64),
                                                    0L))),
                            new Target(
                                    "PUT",
                                    v + "/items/" + item,
                                    json(
                                            new UpdateItemRequest(
                                                    7L,
                                                    1,
                                                    Randoms.bytes(72),
                                                    Randoms.bytes(100),
                                                    false,
                                                    Randoms.bytes(64),
                                                    0L))),
                            new Target(
                                    "POST",
                                    v + "/items/" + item + "/restore",
                                    json(new RestoreItemRequest(9L, 1L, Randoms.bytes(64), 0L))),
                            new Target(
                                    "PUT",
                                    v + "/head",
                                    json(
                                            new VaultHeadRequest(
                                                    0L,
                                                    1,
                                                    Randoms.bytes(32),
                                                    1,
                                                    0L,
                                                    Randoms.bytes(64)))),
                            new Target(
                                    "PUT",
                                    v + "/metadata",
                                    json(new UpdateVaultMetadataRequest(5L, Randoms.bytes(30)))));
            SERVERS.add(server);
            TARGETS.add(targets);
            TOKENS.add(alice.token);
        }
    }

    @AfterContainer
    static void stop() {
        SERVERS.forEach(TestServer::close);
        SERVERS.clear();
        TARGETS.clear();
        TOKENS.clear();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void mutatedPayloadsNeverCauseA5xxOrAChange(
            @ForAll @IntRange(min = 0, max = 1) int backend,
            @ForAll @IntRange(min = 0, max = 10) int endpoint,
            @ForAll @IntRange(min = 0, max = 5) int mutation,
            @ForAll long seed) {
        TestServer server = SERVERS.get(backend);
        Target t = TARGETS.get(backend).get(endpoint);
        Random random = new Random(seed);
        String body = mutate(t.body(), mutation, random);
        List<String> before = server.snapshot();
        Api.Response r =
                server.api()
                        .send(t.method(), t.path(), TOKENS.get(backend), body, "application/json");
        assertThat(r.status())
                .as(
                        t.path()
                                + " "
                                + body.substring(0, Math.min(300, body.length()))
                                + " -> "
                                + r.body())
                .isLessThan(500);
        assertThat(r.body()).doesNotContainIgnoringCase("exception");
        if (r.status() >= 400) {
            assertThat(r.json().path("error").path("code").isTextual()).isTrue();
            assertThat(server.snapshot())
                    .as("rejected request changed the database")
                    .isEqualTo(before);
        }
    }

    private static String mutate(String valid, int mutation, Random random) {
        switch (mutation) {
            case 0: // random bytes as text
                byte[] junk = new byte[random.nextInt(200)];
                random.nextBytes(junk);
                return new String(junk, StandardCharsets.ISO_8859_1);
            case 1: // flip characters
                char[] chars = valid.toCharArray();
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
                }
                return new String(chars);
            case 2: // truncate
                return valid.substring(0, random.nextInt(valid.length()));
            default: // replace a (possibly nested) field value with an odd value
                try {
                    ObjectNode root = (ObjectNode) WireJson.mapper().readTree(valid);
                    ObjectNode target = root;
                    List<String> names = names(target);
                    String name = names.get(random.nextInt(names.size()));
                    if (target.get(name) instanceof ObjectNode nested
                            && random.nextBoolean()
                            && !names(nested).isEmpty()) {
                        target = nested;
                        names = names(nested);
                        name = names.get(random.nextInt(names.size()));
                    }
                    target.set(name, oddValue(random));
                    return WireJson.mapper().writeValueAsString(root);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static JsonNode oddValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String[] strings = {
            "",
            " ",
            "' OR 1=1 --",
            "\"; DROP TABLE items; --",
            "\u0000",
            "\ud800",
            "\u202e\u200b",
            "💥".repeat(50),
            "A".repeat(5000),
            "-1",
            "00000000-0000-0000-0000-000000000000",
            "AAAA",
            "====",
            "null",
            "{}",
            "../../etc/passwd"
        };
        return switch (random.nextInt(9)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(random.nextLong());
            case 2 -> f.numberNode(-1);
            case 3 -> f.numberNode(random.nextDouble());
            case 4 -> f.booleanNode(random.nextBoolean());
            case 5 -> {
                ArrayNode a = f.arrayNode();
                a.add(random.nextInt());
                yield a;
            }
            case 6 -> f.objectNode().put("x", 1);
            case 7 -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> f.textNode(strings[random.nextInt(strings.length)]);
        };
    }

    private static String json(Object o) {
        try {
            return WireJson.mapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package dev.strongroom.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.UnverifiedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.KeyWrapUpload;
import dev.strongroom.model.wire.UpdateItemRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A team driven through the real API with correctly signed log entries. */
public final class TestTeam {

    public final UUID id = UUID.randomUUID();
    private Api api;
    private long seq = -1;
    private byte[] head = new byte[32];

    public TestTeam(Api api) {
        this.api = api;
    }

    /** Sends further requests through another server instance. */
    public TestTeam via(Api other) {
        this.api = other;
        return this;
    }

    public static String digest(byte[] wrap) {
        return Base64Url.encode(Sha256.hash(wrap));
    }

    public SignedLogEntry sign(TestUser author, long atSeq, byte[] prev, LogAction action) {
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        id.toString(),
                        atSeq,
                        Base64Url.encode(prev),
                        author.id.toString(),
                        System.currentTimeMillis(),
                        action);
        return SignedLogEntry.sign(body, author.identity);
    }

    /** The next correctly linked entry (not yet sent). */
    public SignedLogEntry next(TestUser author, LogAction action) {
        return sign(author, seq + 1, head, action);
    }

    public long seq() {
        return seq;
    }

    private void accepted(SignedLogEntry entry) {
        seq++;
        head = UnverifiedLogEntry.decode(entry).hash();
    }

    /** The team's name ("Platform", version 1) sealed by {@code author} to {@code recipient}. */
    public String sealedName(TestUser author, TestUser recipient) {
        return dev.strongroom.model.log.TeamNames.seal(
                id.toString(),
                1,
                recipient.id.toString(),
                recipient.identity.encryptionPublicKey(),
                author.identity,
                "Platform");
    }

    public TestTeam create(TestUser founder) {
        SignedLogEntry genesis =
                next(
                        founder,
                        new LogAction.CreateTeam(
                                null, founder.bundle(), sealedName(founder, founder)));
        Api.Response r =
                api.post("/api/v1/teams", founder.token, new CreateTeamRequest(id, genesis));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        accepted(genesis);
        return this;
    }

    public Api.Response append(TestUser author, SignedLogEntry entry, AppendLogRequest request) {
        Api.Response r = api.post("/api/v1/teams/" + id + "/log", author.token, request);
        if (r.status() == 200) {
            accepted(entry);
        }
        return r;
    }

    /**
     * Posts a request carrying a log entry to a team route ({@code suffix} after the team path,
     * e.g. {@code /machines}), counting the entry as appended when the answer is a success.
     */
    public Api.Response submit(TestUser author, SignedLogEntry entry, String suffix, Object body) {
        Api.Response r = api.post("/api/v1/teams/" + id + suffix, author.token, body);
        if (r.status() / 100 == 2) {
            accepted(entry);
        }
        return r;
    }

    /** Grants a machine account access to a vault (the wrap is random bytes). */
    public void grantMachine(
            TestUser admin, UUID vaultId, UUID machineId, Permission permission, int keyVersion) {
        byte[] wrap = Randoms.bytes(80);
        ok(
                append(
                        admin,
                        new LogAction.GrantVault(
                                vaultId.toString(), machineId.toString(), permission, digest(wrap)),
                        null,
                        List.of(new KeyWrapUpload(keyVersion, machineId.toString(), wrap))));
    }

    public Api.Response append(
            TestUser author, LogAction action, byte[] metadata, List<KeyWrapUpload> wraps) {
        SignedLogEntry entry = next(author, action);
        return append(author, entry, new AppendLogRequest(entry, metadata, wraps, List.of()));
    }

    public void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Creates a vault whose key is wrapped (random bytes stand in for HPKE) to the author. */
    public UUID createVault(TestUser author) {
        UUID vaultId = UUID.randomUUID();
        byte[] wrap = Randoms.bytes(80);
        ok(
                append(
                        author,
                        new LogAction.CreateVault(vaultId.toString(), digest(wrap)),
                        Randoms.bytes(40),
                        List.of(new KeyWrapUpload(1, author.id.toString(), wrap))));
        return vaultId;
    }

    public void addMember(TestUser admin, TestUser member, Role role) {
        ok(
                append(
                        admin,
                        new LogAction.AddMember(
                                member.bundle(), role, "fingerprint", sealedName(admin, member)),
                        null,
                        List.of()));
    }

    public void grant(
            TestUser admin, UUID vaultId, TestUser grantee, Permission permission, int keyVersion) {
        byte[] wrap = Randoms.bytes(80);
        ok(
                append(
                        admin,
                        new LogAction.GrantVault(
                                vaultId.toString(),
                                grantee.id.toString(),
                                permission,
                                digest(wrap)),
                        null,
                        List.of(new KeyWrapUpload(keyVersion, grantee.id.toString(), wrap))));
    }

    public static Api.Response createItem(
            Api api, TestUser u, UUID vaultId, UUID itemId, int keyVersion) {
        return api.post(
                "/api/v1/vaults/" + vaultId + "/items",
                u.token,
                new CreateItemRequest(
                        itemId,
                        keyVersion,
                        Randoms.bytes(72),
                        Randoms.bytes(200),
                        Randoms.bytes(64),
                        0L));
    }

    public static ItemResponse created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(ItemResponse.class);
    }

    public static Api.Response updateItem(
            Api api,
            TestUser u,
            UUID vaultId,
            UUID itemId,
            long expected,
            int keyVersion,
            boolean delete) {
        return api.put(
                "/api/v1/vaults/" + vaultId + "/items/" + itemId,
                u.token,
                new UpdateItemRequest(
                        expected,
                        keyVersion,
                        delete ? new byte[0] : Randoms.bytes(72),
                        delete ? new byte[0] : Randoms.bytes(200),
                        delete,
                        Randoms.bytes(64),
                        0L));
    }

    public static Map<String, String> digests(Map<String, byte[]> wraps) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        wraps.forEach((k, v) -> out.put(k, digest(v)));
        return out;
    }
}

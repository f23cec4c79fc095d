package dev.strongroom.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.MachineCreateRequest;
import dev.strongroom.model.wire.MachineRevokeRequest;
import dev.strongroom.model.wire.MachineSecretRequest;
import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.model.wire.MachineTokens;
import java.util.UUID;

/**
 * A machine account for tests: its own identity keys (a {@link TestUser} that never registers), a
 * random 32-byte API secret, and {@link #token} holding the full {@code Machine ...} credential
 * that {@link Api} sends as is.
 */
public final class TestMachine {

    private final TestUser user = new TestUser("machine");
    public final UUID id = user.id;
    public byte[] secret = Randoms.bytes(MachineTokens.SECRET_BYTES);
    public String token = MachineTokens.header(id, secret);

    /** The machine as a caller of the item helpers: its keys, with its current token. */
    public TestUser identity() {
        user.token = token;
        return user;
    }

    /** The create request (an add_machine entry by the admin at the team's next position). */
    public MachineCreateRequest createRequest(TestTeam team, TestUser admin, Long expiresAt) {
        SignedLogEntry entry = team.next(admin, new LogAction.AddMachine(user.bundle(), expiresAt));
        return new MachineCreateRequest(entry, "ci runner", Sha256.hash(secret));
    }

    /** Creates the machine through the API (201 expected). */
    public MachineSummary create(Api api, TestTeam team, TestUser admin, Long expiresAt) {
        MachineCreateRequest request = createRequest(team, admin, expiresAt);
        Api.Response r = team.submit(admin, request.entry(), "/machines", request);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(MachineSummary.class);
    }

    public Api.Response revoke(TestTeam team, TestUser admin) {
        SignedLogEntry entry = team.next(admin, new LogAction.RemoveMachine(id.toString()));
        return team.submit(
                admin, entry, "/machines/" + id + "/revoke", new MachineRevokeRequest(entry));
    }

    /** Rotates the secret through the API; the new token replaces the old one here. */
    public Api.Response rotate(Api api, TestTeam team, TestUser admin) {
        byte[] fresh = Randoms.bytes(MachineTokens.SECRET_BYTES);
        Api.Response r =
                api.put(
                        "/api/v1/teams/" + team.id + "/machines/" + id + "/secret",
                        admin.token,
                        new MachineSecretRequest(Sha256.hash(fresh)));
        if (r.status() == 200) {
            secret = fresh;
            token = MachineTokens.header(id, fresh);
        }
        return r;
    }
}

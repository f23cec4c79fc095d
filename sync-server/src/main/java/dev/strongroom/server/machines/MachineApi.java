package dev.strongroom.server.machines;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.MachineCreateRequest;
import dev.strongroom.model.wire.MachineListResponse;
import dev.strongroom.model.wire.MachineRevokeRequest;
import dev.strongroom.model.wire.MachineSecretRequest;
import dev.strongroom.model.wire.MachineSummary;
import dev.strongroom.model.wire.WireJson;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.util.List;
import java.util.UUID;

/**
 * Machine accounts: created and revoked by signed {@code add_machine} / {@code remove_machine} log
 * entries (appended exactly like any log entry, in the same transaction as the machine row), listed
 * by team owners and admins, their API secret rotated by them. The server keeps only the SHA-256 of
 * each secret. A machine reads its own summary at {@code GET /api/v1/machine}.
 */
public final class MachineApi {

    static final int SECRET_HASH_BYTES = 32;
    static final int MAX_NAME = 100;

    private final Database db;
    private final TeamApi teams;

    public MachineApi(Database db, TeamApi teams) {
        this.db = db;
        this.teams = teams;
    }

    public void register(Routes routes) {
        String base = "/api/v1/teams/{teamId}/machines";
        routes.post(base, Access.AUTHENTICATED, this::create)
                .get(base, Access.AUTHENTICATED, this::list)
                .post(base + "/{machineId}/revoke", Access.AUTHENTICATED, this::revoke)
                .put(base + "/{machineId}/secret", Access.AUTHENTICATED, this::rotateSecret)
                .get("/api/v1/machine", Access.MACHINE, this::self);
    }

    private void create(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        MachineCreateRequest r = call.body(MachineCreateRequest.class);
        String name = Check.label(r.name(), "name", MAX_NAME);
        byte[] secretHash = Check.exactly(r.secretHash(), "secretHash", SECRET_HASH_BYTES);
        TeamApi.Checked c = TeamApi.check(teamId, r.entry(), p);
        if (!(c.body().action() instanceof LogAction.AddMachine add) || add.machine() == null) {
            throw new BadRequestException("the entry must be an add_machine with a bundle");
        }
        String rawId = add.machine().accountId();
        if (rawId == null || !Ids.isValid(rawId)) {
            throw new BadRequestException(
                    ErrorCode.INVALID_ID, "the machine's account id must be a canonical UUID");
        }
        UUID machineId = Ids.parse(rawId);
        long now = System.currentTimeMillis();
        if (add.expiresAt() != null && add.expiresAt() <= now) {
            throw new BadRequestException("expiresAt must be in the future");
        }
        byte[] bundle;
        try {
            bundle = WireJson.mapper().writeValueAsBytes(add.machine());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bundle cannot be encoded", e);
        }
        AppendLogRequest append = new AppendLogRequest(r.entry(), null, List.of(), List.of());
        record Created(TeamState state, MachineSummary machine) {}
        Created created;
        try {
            created =
                    db.write(
                            tx -> {
                                TeamState state =
                                        teams.appendInTx(
                                                tx, teamId, c, append, p, call.actor(), now);
                                if (tx.queryOne(
                                                "SELECT 1 FROM accounts WHERE id = ?",
                                                rs -> 1,
                                                machineId)
                                        .isPresent()) {
                                    throw new ConflictException(
                                            ErrorCode.ALREADY_EXISTS, "that id is an account's");
                                }
                                tx.update(
                                        "INSERT INTO machine_accounts (id, team_id, created_by,"
                                                + " name, secret_hash, public_bundle, created_at,"
                                                + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                        machineId,
                                        teamId,
                                        p.id(),
                                        name,
                                        secretHash,
                                        bundle,
                                        now,
                                        dev.strongroom.server.db.Tx.orNull(
                                                add.expiresAt(),
                                                dev.strongroom.server.db.Tx.Null.BIGINT));
                                tx.audit(
                                        AuditEvent.of("machine.create", call.actor())
                                                .team(teamId.toString())
                                                .target("machine", machineId.toString())
                                                .build());
                                return new Created(
                                        state, MachineRows.require(tx, teamId, machineId));
                            });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS,
                        "a machine account with this id or secret exists");
            }
            throw e;
        }
        teams.remember(teamId, created.state());
        call.created(created.machine());
    }

    private void list(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        call.ok(
                new MachineListResponse(
                        db.read(
                                tx -> {
                                    MachineRows.requireAdmin(tx, teamId, p.id());
                                    return MachineRows.list(tx, teamId);
                                })));
    }

    private void revoke(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID machineId = call.pathId("machineId");
        MachineRevokeRequest r = call.body(MachineRevokeRequest.class);
        TeamApi.Checked c = TeamApi.check(teamId, r.entry(), p);
        if (!(c.body().action() instanceof LogAction.RemoveMachine rm)
                || !machineId.toString().equals(rm.machineId())) {
            throw new BadRequestException("the entry must be a remove_machine of this machine");
        }
        AppendLogRequest append = new AppendLogRequest(r.entry(), null, List.of(), List.of());
        long now = System.currentTimeMillis();
        record Revoked(TeamState state, MachineSummary machine) {}
        Revoked revoked =
                db.write(
                        tx -> {
                            MachineRows.requireAdmin(tx, teamId, p.id());
                            MachineRows.require(tx, teamId, machineId);
                            TeamState state =
                                    teams.appendInTx(tx, teamId, c, append, p, call.actor(), now);
                            tx.audit(
                                    AuditEvent.of("machine.revoke", call.actor())
                                            .team(teamId.toString())
                                            .target("machine", machineId.toString())
                                            .build());
                            return new Revoked(state, MachineRows.require(tx, teamId, machineId));
                        });
        teams.remember(teamId, revoked.state());
        call.ok(revoked.machine());
    }

    private void rotateSecret(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID machineId = call.pathId("machineId");
        MachineSecretRequest r = call.body(MachineSecretRequest.class);
        byte[] secretHash = Check.exactly(r.secretHash(), "secretHash", SECRET_HASH_BYTES);
        try {
            call.ok(
                    db.write(
                            tx -> {
                                MachineRows.requireAdmin(tx, teamId, p.id());
                                MachineSummary m = MachineRows.require(tx, teamId, machineId);
                                if (m.revokedAt() != null) {
                                    throw new ConflictException(
                                            ErrorCode.CONFLICT, "the machine account is revoked");
                                }
                                tx.update(
                                        "UPDATE machine_accounts SET secret_hash = ? WHERE id = ?",
                                        secretHash,
                                        machineId);
                                tx.audit(
                                        AuditEvent.of("machine.secret_rotate", call.actor())
                                                .team(teamId.toString())
                                                .target("machine", machineId.toString())
                                                .build());
                                return m;
                            }));
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(ErrorCode.ALREADY_EXISTS, "that secret is in use");
            }
            throw e;
        }
    }

    private void self(Call call) {
        Principal p = call.principal();
        call.ok(db.read(tx -> MachineRows.require(tx, p.teamId(), p.id())));
    }
}

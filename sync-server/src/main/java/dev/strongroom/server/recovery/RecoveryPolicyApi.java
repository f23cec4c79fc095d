package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.RecoveryPolicyRequest;
import dev.strongroom.model.wire.RecoveryPolicyView;
import dev.strongroom.model.wire.RecoveryShareResponse;
import dev.strongroom.model.wire.RecoverySharesUpload;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The break-glass policy side: the signed set_recovery_policy entry with its sealed shares (each
 * must hash to the digest the entry names, so a server cannot substitute one) and each approver
 * fetching only their own share. The server stores ciphertext it cannot open and checks only what
 * it can verify.
 */
public final class RecoveryPolicyApi {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryPolicyApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        String policy = "/api/v1/teams/{teamId}/recovery/policy";
        routes.post(policy, Access.AUTHENTICATED, guard("recovery.policy_set", this::create))
                .get(policy, Access.AUTHENTICATED, this::view)
                .put(
                        policy + "/shares",
                        Access.AUTHENTICATED,
                        guard("recovery.shares_upload", this::uploadShares))
                .get(
                        policy + "/shares/{approverId}",
                        Access.AUTHENTICATED,
                        guard("recovery.share_read", this::share));
    }

    private dev.strongroom.server.http.Endpoint guard(
            String action, dev.strongroom.server.http.Endpoint e) {
        return RecoveryChecks.audited(audit, action, e);
    }

    private void create(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        RecoveryPolicyRequest r = call.body(RecoveryPolicyRequest.class);
        TeamApi.Checked c = TeamApi.check(teamId, r.entry(), p);
        if (!(c.body().action() instanceof LogAction.SetRecoveryPolicy policy)) {
            throw new BadRequestException("the entry must be a set_recovery_policy");
        }
        RecoveryChecks.requireShares(r.shares(), policy);
        AppendLogRequest append = new AppendLogRequest(r.entry(), null, List.of(), List.of());
        long now = System.currentTimeMillis();
        record Stored(TeamState state, RecoveryPolicyView view) {}
        Stored stored =
                unique(
                        () ->
                                db.write(
                                        tx -> {
                                            TeamState s =
                                                    teams.appendInTx(
                                                            tx,
                                                            teamId,
                                                            c,
                                                            append,
                                                            p,
                                                            call.actor(),
                                                            now);
                                            store(tx, call, teamId, policy, r.shares(), now);
                                            return new Stored(s, view(tx, teamId, s));
                                        }));
        teams.remember(teamId, stored.state());
        call.created(stored.view());
    }

    private void uploadShares(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        RecoverySharesUpload r = call.body(RecoverySharesUpload.class);
        long now = System.currentTimeMillis();
        call.ok(
                unique(
                        () ->
                                db.write(
                                        tx -> {
                                            TeamState s = teams.stateInTx(tx, teamId);
                                            if (RecoveryChecks.member(s, p.id()).role()
                                                    != Role.OWNER) {
                                                throw new ForbiddenException(
                                                        "only owners upload recovery shares");
                                            }
                                            LogAction.SetRecoveryPolicy policy =
                                                    RecoveryChecks.policy(s);
                                            if (policy.policyVersion() != r.policyVersion()) {
                                                throw new ConflictException(
                                                        ErrorCode.CONFLICT,
                                                        "the current policy version is "
                                                                + policy.policyVersion());
                                            }
                                            if (PolicyStore.stored(
                                                    tx, teamId, policy.policyVersion())) {
                                                throw new ConflictException(
                                                        ErrorCode.ALREADY_EXISTS,
                                                        "this policy's shares are stored");
                                            }
                                            RecoveryChecks.requireShares(r.shares(), policy);
                                            store(tx, call, teamId, policy, r.shares(), now);
                                            return view(tx, teamId, s);
                                        })));
    }

    private void store(
            Tx tx,
            Call call,
            UUID teamId,
            LogAction.SetRecoveryPolicy policy,
            List<dev.strongroom.model.wire.RecoverySealedShare> shares,
            long now)
            throws SQLException {
        PolicyStore.store(tx, teamId, policy, shares, call.principal().id(), now);
        tx.audit(
                AuditEvent.of("recovery.policy_set", call.actor())
                        .team(teamId.toString())
                        .target("recovery_policy", Integer.toString(policy.policyVersion()))
                        .detail(
                                "approvers="
                                        + policy.approverIds().size()
                                        + " threshold="
                                        + policy.threshold()
                                        + " delay_hours="
                                        + policy.delayHours()
                                        + " owner_veto="
                                        + policy.ownerVeto())
                        .build());
    }

    private void view(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        call.ok(
                db.read(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            if (s.recoveryPolicy().isEmpty()) {
                                throw new NotFoundException("the team has no recovery policy");
                            }
                            return view(tx, teamId, s);
                        }));
    }

    private static RecoveryPolicyView view(Tx tx, UUID teamId, TeamState s) throws SQLException {
        LogAction.SetRecoveryPolicy policy = RecoveryChecks.policy(s);
        int version = policy.policyVersion();
        return new RecoveryPolicyView(
                teamId,
                version,
                policy.recoveryPublicKey(),
                List.copyOf(policy.approverIds()),
                policy.threshold(),
                policy.delayHours(),
                policy.ownerVeto(),
                PolicyStore.stored(tx, teamId, version),
                PolicyStore.enrolled(tx, teamId, version),
                PolicyStore.reenrolmentDue(tx, teamId));
    }

    /** The caller's own share of the current policy; anyone else's answers 404 as if absent. */
    private void share(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID approverId = call.pathId("approverId");
        RecoveryShareResponse share =
                db.read(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            int version =
                                    s.recoveryPolicy()
                                            .map(x -> x.entry().policyVersion())
                                            .orElse(0);
                            byte[] sealed =
                                    approverId.equals(p.id())
                                            ? PolicyStore.share(
                                                            tx,
                                                            teamId,
                                                            version,
                                                            approverId.toString())
                                                    .orElse(null)
                                            : null;
                            if (sealed == null) {
                                throw new NotFoundException("no such share");
                            }
                            return new RecoveryShareResponse(
                                    teamId, version, approverId.toString(), sealed);
                        });
        audit.record(
                AuditEvent.of("recovery.share_read", call.actor())
                        .team(teamId.toString())
                        .target("recovery_policy", Integer.toString(share.policyVersion()))
                        .build());
        call.ok(share);
    }

    private static <T> T unique(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "this policy's shares are stored");
            }
            throw e;
        }
    }
}

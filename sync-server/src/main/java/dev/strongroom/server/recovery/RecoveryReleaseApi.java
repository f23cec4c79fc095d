package dev.strongroom.server.recovery;

import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.wire.RecoveryAccountMaterial;
import dev.strongroom.model.wire.RecoveryApprovalView;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.model.wire.RecoveryVaultWraps;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.Tx;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Hands the requester, and only the requester, what their approved request opens, once M approvals
 * exist and the policy's delay has passed since the server received the request: the approvals
 * (signed decisions and shares re-sealed to the request's key) and exactly the scope's recovery
 * wraps. Anyone else asking gets 404, as for a request that does not exist.
 */
public final class RecoveryReleaseApi {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryReleaseApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        routes.get(
                "/api/v1/teams/{teamId}/recovery/requests/{requestId}/release",
                Access.AUTHENTICATED,
                RecoveryChecks.audited(audit, "recovery.release", this::release));
        new AccountReset(db, teams).register(routes, audit);
        new RecoveredItems(db, teams).register(routes, audit);
    }

    private void release(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        long now = System.currentTimeMillis();
        RecoveryReleaseResponse out =
                db.read(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RequestStore.Request r = releasable(tx, s, teamId, requestId, p, now);
                            List<RecoveryApprovalView> approvals =
                                    RequestStore.decisions(tx, requestId).stream()
                                            .filter(
                                                    d ->
                                                            RecoveryDecisionBody.APPROVE.equals(
                                                                    d.decision()))
                                            .map(
                                                    d ->
                                                            new RecoveryApprovalView(
                                                                    d.deciderId(),
                                                                    d.signed(),
                                                                    d.sealedShare()))
                                            .toList();
                            RecoveryAccountMaterial account = ScopeWraps.account(tx, r);
                            List<RecoveryVaultWraps> vaults =
                                    account == null ? ScopeWraps.vaults(tx, r) : List.of();
                            return new RecoveryReleaseResponse(
                                    requestId, r.signed(), approvals, vaults, account);
                        });
        audit.record(
                AuditEvent.of("recovery.release", call.actor())
                        .team(teamId.toString())
                        .target("recovery_request", requestId.toString())
                        .detail(
                                "approvals="
                                        + out.approvals().size()
                                        + " vaults="
                                        + out.vaults().size()
                                        + " account="
                                        + (out.account() != null))
                        .build());
        call.ok(out);
    }

    /** The caller's own request, approved, under the current policy, its delay passed. */
    static RequestStore.Request releasable(
            Tx tx, TeamState s, UUID teamId, UUID requestId, Principal p, long now)
            throws SQLException {
        return own(tx, s, teamId, requestId, p, now, RequestStates::requireReleasable);
    }

    /**
     * The caller's own request, still open under the current policy and at most one approval short
     * of its threshold: the scope's ciphertext may be read ahead of the release (see {@link
     * RequestStates#requireItemsReadable}).
     */
    static RequestStore.Request itemsReadable(
            Tx tx, TeamState s, UUID teamId, UUID requestId, Principal p, long now)
            throws SQLException {
        return own(tx, s, teamId, requestId, p, now, RequestStates::requireItemsReadable);
    }

    /** One of {@link RequestStates}' checks of a request against its approvals and threshold. */
    @FunctionalInterface
    private interface StateCheck {
        void require(RequestStore.Request r, TeamState s, int approvals, int threshold, long now);
    }

    /** The caller's own request (else 404), passed through {@code check}. */
    private static RequestStore.Request own(
            Tx tx,
            TeamState s,
            UUID teamId,
            UUID requestId,
            Principal p,
            long now,
            StateCheck check)
            throws SQLException {
        RecoveryChecks.member(s, p.id());
        RequestStore.Request r =
                RequestStore.byId(tx, teamId, requestId, false)
                        .filter(x -> x.requesterId().equals(p.id().toString()))
                        .orElseThrow(() -> new NotFoundException("no such request"));
        int approvals =
                (int)
                        RequestStore.decisions(tx, requestId).stream()
                                .filter(d -> RecoveryDecisionBody.APPROVE.equals(d.decision()))
                                .count();
        check.require(r, s, approvals, RequestStore.threshold(tx, teamId, r.policyVersion()), now);
        return r;
    }
}

package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryDecisionBody;
import dev.strongroom.model.recovery.RecoveryTally;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Approvals, denials and vetoes. Each decision is verified with the shared {@code RecoveryVerifier}
 * against the verified log (signed by the caller, an approver of the current policy or, for a veto,
 * an owner when the policy allows it, bound to this request's digest); an approval's re-sealed
 * share must hash to the digest it signed. One decision per person per request; the request's
 * status follows {@code RecoveryTally}.
 */
public final class RecoveryDecisionApi {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryDecisionApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        routes.post(
                "/api/v1/teams/{teamId}/recovery/requests/{requestId}/decisions",
                Access.AUTHENTICATED,
                RecoveryChecks.audited(audit, "recovery.decide", this::decide));
    }

    private void decide(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        RecoveryDecisionRequest r = call.body(RecoveryDecisionRequest.class);
        if (r.sealedShare() != null) {
            Check.blob(r.sealedShare(), "sealedShare", 1, RecoveryChecks.MAX_SEALED);
        }
        long now = System.currentTimeMillis();
        try {
            call.ok(
                    db.write(
                            tx -> {
                                TeamState s = teams.stateInTx(tx, teamId);
                                RecoveryChecks.member(s, p.id());
                                RequestStore.Request req =
                                        RequestStore.byId(tx, teamId, requestId, true)
                                                .orElseThrow(
                                                        () ->
                                                                new NotFoundException(
                                                                        "no such request"));
                                RequestStates.requireOpen(req, now);
                                RequestStates.requireCurrentPolicy(req, s);
                                RecoveryDecisionBody d = verify(r, req, s, p);
                                List<RequestStore.Decision> all =
                                        new ArrayList<>(RequestStore.decisions(tx, requestId));
                                if (all.stream()
                                        .anyMatch(x -> x.deciderId().equals(d.deciderId()))) {
                                    throw new ConflictException(
                                            ErrorCode.ALREADY_EXISTS,
                                            "you already decided on this request");
                                }
                                RequestStore.Decision row =
                                        new RequestStore.Decision(
                                                d.deciderId(),
                                                d.decision(),
                                                Base64Url.decode(r.decision().body()),
                                                Base64Url.decode(r.decision().signature()),
                                                r.sealedShare(),
                                                now);
                                RequestStore.insertDecision(tx, requestId, row);
                                all.add(row);
                                String status = tally(all, RecoveryChecks.policy(s));
                                boolean fin =
                                        !RecoveryRequestView.PENDING.equals(status)
                                                && !RecoveryRequestView.APPROVED.equals(status);
                                RequestStore.setStatus(tx, requestId, status, fin ? now : null);
                                tx.audit(
                                        AuditEvent.of("recovery." + d.decision(), call.actor())
                                                .team(teamId.toString())
                                                .target("recovery_request", requestId.toString())
                                                .detail("status=" + status)
                                                .build());
                                return RequestStore.view(
                                        tx,
                                        RequestStore.byId(tx, teamId, requestId, false)
                                                .orElseThrow(),
                                        now);
                            }));
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(
                        ErrorCode.ALREADY_EXISTS, "you already decided on this request");
            }
            throw e;
        }
    }

    /** The decision verified against the stored request and the log, with its share checked. */
    private static RecoveryDecisionBody verify(
            RecoveryDecisionRequest r, RequestStore.Request req, TeamState s, Principal p) {
        VerifiedRecoveryRequest vr =
                RecoveryChecks.verified(() -> RecoveryVerifier.verifyRequest(req.signed(), s));
        RecoveryDecisionBody d =
                RecoveryChecks.verified(() -> RecoveryVerifier.verifyDecision(r.decision(), vr, s));
        if (!p.id().toString().equals(d.deciderId())) {
            throw new ForbiddenException("decisions must be signed by the caller");
        }
        if (RecoveryDecisionBody.APPROVE.equals(d.decision())) {
            if (r.sealedShare() == null) {
                throw new BadRequestException(
                        ErrorCode.MISSING_FIELD, "an approval carries its re-sealed share");
            }
            RecoveryChecks.requireDigest(
                    r.sealedShare(), d.sealedShareDigest(), "the re-sealed share");
        } else if (r.sealedShare() != null) {
            throw new BadRequestException("only an approval carries a sealed share");
        }
        return d;
    }

    private static String tally(List<RequestStore.Decision> all, LogAction.SetRecoveryPolicy p) {
        List<RecoveryDecisionBody> bodies =
                all.stream().map(RequestStore.Decision::parsed).toList();
        RecoveryTally t =
                RecoveryChecks.verified(
                        () -> RecoveryTally.of(bodies, p.threshold(), p.approverIds().size()));
        return RequestStates.statusOf(t.status());
    }
}

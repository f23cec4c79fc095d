package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryRequestBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.teams.TeamApi;
import java.time.Duration;
import java.util.UUID;

/**
 * Opening a break-glass request: the signed body is checked by the shared {@code RecoveryVerifier}
 * against the verified log (signer a member, current policy, a scope that exists, a reason, a
 * 32-byte key), then here: the signer is the caller, the id is canonical and unused, the time is
 * near the server's, the policy's shares are stored and an account scope names an enrolled member.
 * The delay is counted from when the server received the request, not from the time written in it.
 */
final class RequestOpening {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final Database db;
    private final TeamApi teams;

    RequestOpening(Database db, TeamApi teams) {
        this.db = db;
        this.teams = teams;
    }

    void open(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        RecoveryOpenRequest r = call.body(RecoveryOpenRequest.class);
        long now = System.currentTimeMillis();
        RecoveryRequestView view;
        try {
            view =
                    db.write(
                            tx -> {
                                TeamState s = teams.stateInTx(tx, teamId);
                                RecoveryChecks.member(s, p.id());
                                LogAction.SetRecoveryPolicy policy = RecoveryChecks.policy(s);
                                VerifiedRecoveryRequest v =
                                        RecoveryChecks.verified(
                                                () ->
                                                        RecoveryVerifier.verifyRequest(
                                                                r.request(), s));
                                RecoveryRequestBody b = v.body();
                                UUID id = checkFields(b, p, now);
                                if (!PolicyStore.stored(tx, teamId, policy.policyVersion())) {
                                    throw new ConflictException(
                                            ErrorCode.CONFLICT,
                                            "the policy's sealed shares are not stored yet");
                                }
                                if (RecoveryScope.ACCOUNT.equals(b.scope().kind())
                                        && PolicyStore.wrappedAccountKey(
                                                        tx,
                                                        teamId,
                                                        policy.policyVersion(),
                                                        b.scope().target())
                                                .isEmpty()) {
                                    throw new ConflictException(
                                            ErrorCode.CONFLICT,
                                            "that account is not enrolled for recovery");
                                }
                                RequestStore.Request row =
                                        new RequestStore.Request(
                                                id,
                                                teamId,
                                                b.policyVersion(),
                                                b.requesterId(),
                                                b.scope(),
                                                b.reason(),
                                                Base64Url.decode(r.request().body()),
                                                Base64Url.decode(r.request().signature()),
                                                RecoveryRequestView.PENDING,
                                                now,
                                                now + policy.delayHours() * 3_600_000L,
                                                now + RecoveryRequestApi.LIFETIME.toMillis());
                                RequestStore.insert(tx, row);
                                tx.audit(
                                        AuditEvent.of("recovery.request_open", call.actor())
                                                .team(teamId.toString())
                                                .target("recovery_request", id.toString())
                                                .detail(
                                                        "scope="
                                                                + b.scope().kind()
                                                                + ":"
                                                                + b.scope().target()
                                                                + " policy_version="
                                                                + b.policyVersion())
                                                .build());
                                return RequestStore.view(tx, row, now);
                            });
        } catch (RuntimeException e) {
            if (DbErrors.isUniqueViolation(e)) {
                throw new ConflictException(ErrorCode.ALREADY_EXISTS, "that request id is taken");
            }
            throw e;
        }
        call.created(view);
    }

    /** The caller must be the signer; the id must be canonical, the time near the server's. */
    private static UUID checkFields(RecoveryRequestBody b, Principal p, long now) {
        if (!p.id().toString().equals(b.requesterId())) {
            throw new ForbiddenException("requests must be signed by the caller");
        }
        if (b.requestId() == null || !Ids.isValid(b.requestId())) {
            throw new BadRequestException(
                    ErrorCode.INVALID_ID, "requestId must be a canonical UUID");
        }
        long skew = MAX_CLOCK_SKEW.toMillis();
        if (b.createdAt() < now - skew || b.createdAt() > now + skew) {
            throw new BadRequestException(
                    "createdAt is more than ten minutes from the server's time");
        }
        // the reason is shown to approvers and stored as text: no control characters but lines
        if (b.reason().codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new BadRequestException("the reason may not contain control characters");
        }
        return Ids.parse(b.requestId());
    }
}

package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryRequestBody;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.recovery.RecoveryVerifier;
import dev.strongroom.model.recovery.VerifiedRecoveryRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.Ids;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryRequestListResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.db.DbErrors;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.ForbiddenException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Break-glass requests: a member opens one (signed, checked by the shared {@code RecoveryVerifier}
 * against the verified log), members list and read them, and the requester or an owner closes one.
 * The delay is counted from when the server received the request, not from the time the requester
 * wrote into it. A request expires {@link #LIFETIME} after it was opened, longer than the longest
 * delay (72 hours), so every approved request can be released before it expires.
 */
public final class RecoveryRequestApi {

    static final Duration LIFETIME = Duration.ofDays(7);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    static final int MAX_LIST = 200;
    private static final Set<String> STATUSES =
            Set.of(
                    RecoveryRequestView.PENDING,
                    RecoveryRequestView.APPROVED,
                    RecoveryRequestView.DENIED,
                    RecoveryRequestView.VETOED,
                    RecoveryRequestView.CLOSED,
                    RecoveryRequestView.EXPIRED);

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryRequestApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        String base = "/api/v1/teams/{teamId}/recovery/requests";
        routes.post(
                        base,
                        Access.AUTHENTICATED,
                        RecoveryChecks.audited(audit, "recovery.request_open", this::open))
                .get(base, Access.AUTHENTICATED, this::list)
                .get(base + "/{requestId}", Access.AUTHENTICATED, this::get)
                .post(
                        base + "/{requestId}/close",
                        Access.AUTHENTICATED,
                        RecoveryChecks.audited(audit, "recovery.close", this::close));
    }

    private void open(Call call) {
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
                                                now + LIFETIME.toMillis());
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
        if (Math.abs(b.createdAt() - now) > MAX_CLOCK_SKEW.toMillis()) {
            throw new BadRequestException(
                    "createdAt is more than ten minutes from the server's time");
        }
        return Ids.parse(b.requestId());
    }

    private void list(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        String status = call.query("status");
        if (status != null && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + STATUSES);
        }
        long now = System.currentTimeMillis();
        call.ok(
                new RecoveryRequestListResponse(
                        db.read(
                                tx -> {
                                    RecoveryChecks.member(teams.stateInTx(tx, teamId), p.id());
                                    java.util.List<RecoveryRequestView> out =
                                            new java.util.ArrayList<>();
                                    for (RequestStore.Request r :
                                            RequestStore.byTeam(tx, teamId, MAX_LIST)) {
                                        if (status == null || status.equals(r.status(now))) {
                                            out.add(RequestStore.view(tx, r, now));
                                        }
                                    }
                                    return out;
                                })));
    }

    private void get(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        long now = System.currentTimeMillis();
        call.ok(
                db.read(
                        tx -> {
                            RecoveryChecks.member(teams.stateInTx(tx, teamId), p.id());
                            return RequestStore.view(
                                    tx,
                                    RequestStore.byId(tx, teamId, requestId, false)
                                            .orElseThrow(
                                                    () -> new NotFoundException("no such request")),
                                    now);
                        }));
    }

    /** The requester or any owner ends an open request for good. */
    private void close(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        long now = System.currentTimeMillis();
        call.ok(
                db.write(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            TeamState.Member m = RecoveryChecks.member(s, p.id());
                            RequestStore.Request r =
                                    RequestStore.byId(tx, teamId, requestId, true)
                                            .orElseThrow(
                                                    () -> new NotFoundException("no such request"));
                            if (!r.requesterId().equals(p.id().toString())
                                    && m.role() != Role.OWNER) {
                                throw new ForbiddenException(
                                        "only the requester or an owner closes a request");
                            }
                            RequestStates.requireOpen(r, now);
                            RequestStore.setStatus(tx, requestId, RecoveryRequestView.CLOSED, now);
                            tx.audit(
                                    AuditEvent.of("recovery.close", call.actor())
                                            .team(teamId.toString())
                                            .target("recovery_request", requestId.toString())
                                            .build());
                            return RequestStore.view(
                                    tx,
                                    RequestStore.byId(tx, teamId, requestId, false).orElseThrow(),
                                    now);
                        }));
    }
}

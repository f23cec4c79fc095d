package dev.strongroom.server.recovery;

import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.RecoveryRequestListResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.BadRequestException;
import dev.strongroom.server.http.Call;
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
 * Break-glass requests: a member opens one ({@link RequestOpening}), members list and read them,
 * and the requester or an owner closes one. A request expires {@link #LIFETIME} after it was
 * opened, longer than the longest delay (72 hours), so every approved request can be released
 * before it expires.
 */
public final class RecoveryRequestApi {

    static final Duration LIFETIME = Duration.ofDays(7);
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
                        RecoveryChecks.audited(
                                audit,
                                "recovery.request_open",
                                new RequestOpening(db, teams)::open))
                .get(base, Access.AUTHENTICATED, this::list)
                .get(base + "/{requestId}", Access.AUTHENTICATED, this::get)
                .post(
                        base + "/{requestId}/close",
                        Access.AUTHENTICATED,
                        RecoveryChecks.audited(audit, "recovery.close", this::close));
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

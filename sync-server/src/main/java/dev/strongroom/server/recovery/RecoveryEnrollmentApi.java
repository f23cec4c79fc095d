package dev.strongroom.server.recovery;

import dev.strongroom.model.api.ErrorCode;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.Check;
import dev.strongroom.server.http.ConflictException;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import java.util.UUID;

/**
 * Enrollment for forgotten-password recovery: a member stores their account key wrapped (HPKE) to
 * the current policy's recovery key. The wrap is handed out only in a released account-scope
 * request for that member; a new policy deletes it (the member enrolls again under the new key).
 */
public final class RecoveryEnrollmentApi {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryEnrollmentApi(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        String enrollment = "/api/v1/teams/{teamId}/recovery/enrollment";
        routes.put(
                        enrollment,
                        Access.AUTHENTICATED,
                        RecoveryChecks.audited(audit, "recovery.enroll", this::enroll))
                .get(enrollment, Access.AUTHENTICATED, this::enrollment);
    }

    private void enroll(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        RecoveryEnrollmentRequest r = call.body(RecoveryEnrollmentRequest.class);
        Check.blob(r.wrappedAccountKey(), "wrappedAccountKey", 32, RecoveryChecks.MAX_SEALED);
        long now = System.currentTimeMillis();
        call.ok(
                db.write(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            int version = RecoveryChecks.policy(s).policyVersion();
                            if (version != r.policyVersion()) {
                                throw new ConflictException(
                                        ErrorCode.CONFLICT,
                                        "the current policy version is " + version);
                            }
                            PolicyStore.enroll(
                                    tx, teamId, version, p.id(), r.wrappedAccountKey(), now);
                            tx.audit(
                                    AuditEvent.of("recovery.enroll", call.actor())
                                            .team(teamId.toString())
                                            .target("account", p.id().toString())
                                            .detail("policy_version=" + version)
                                            .build());
                            return PolicyStore.enrollment(tx, teamId, version, p.id())
                                    .orElseThrow();
                        }));
    }

    private void enrollment(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        call.ok(
                db.read(
                        tx -> {
                            TeamState s = teams.stateInTx(tx, teamId);
                            RecoveryChecks.member(s, p.id());
                            int version =
                                    s.recoveryPolicy()
                                            .map(x -> x.entry().policyVersion())
                                            .orElse(0);
                            return PolicyStore.enrollment(tx, teamId, version, p.id())
                                    .orElseThrow(() -> new NotFoundException("not enrolled"));
                        }));
    }
}

package dev.strongroom.server.recovery;

import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.teams.TeamApi;

/**
 * Every break-glass recovery route (issue 7; paths in shared-model {@code RecoveryPaths}): policy
 * and shares, enrollment, requests, decisions, release and forgotten-password reset.
 */
public final class RecoveryApis {

    private final Database db;
    private final AuditLog audit;
    private final TeamApi teams;

    public RecoveryApis(Database db, AuditLog audit, TeamApi teams) {
        this.db = db;
        this.audit = audit;
        this.teams = teams;
    }

    public void register(Routes routes) {
        new RecoveryPolicyApi(db, audit, teams).register(routes);
        new RecoveryEnrollmentApi(db, audit, teams).register(routes);
        new RecoveryRequestApi(db, audit, teams).register(routes);
        new RecoveryDecisionApi(db, audit, teams).register(routes);
        new RecoveryReleaseApi(db, audit, teams).register(routes);
        new RecoveryOldWrapsApi(db, audit, teams).register(routes);
    }
}

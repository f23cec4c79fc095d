package dev.strongroom.desktop.audit;

import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.model.wire.AuditEventsResponse;
import dev.strongroom.model.wire.AuditVerifyResponse;

/**
 * The audit calls for team owners and admins, under the account's session: a page of the team's
 * events matching a filter, and the server's verification of the whole hash chain. client-core has
 * no service for these (they carry no secret and need no crypto), so the screen calls the transport
 * directly. Run on the background worker.
 */
final class AuditQueries {

    static final int PAGE = 200;

    private final UnlockedSession session;

    AuditQueries(UnlockedSession session) {
        this.session = session;
    }

    AuditEventsResponse page(String teamId, AuditFilter filter, long after) {
        return session.server()
                .transport()
                .get(
                        base(teamId) + filter.query(after, PAGE),
                        session.token(),
                        AuditEventsResponse.class);
    }

    AuditVerifyResponse verify(String teamId) {
        return session.server()
                .transport()
                .get(base(teamId) + "/verify", session.token(), AuditVerifyResponse.class);
    }

    private static String base(String teamId) {
        return "/api/v1/teams/" + teamId + "/audit";
    }
}

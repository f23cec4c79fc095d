package dev.strongroom.cli.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * The security notices of a sync reply, one line each on stderr: every use of a team's current
 * recovery key (a request that reached M approvals) until an owner re-keys, and a team whose
 * recovery requests could not be checked. They do not change the exit code: the sync itself worked,
 * and a script should not stop syncing because a recovery happened.
 */
final class SyncNotices {

    private SyncNotices() {}

    static void print(PrintWriter err, JsonNode notices) {
        for (JsonNode team : notices) {
            String name = team.path("teamName").asText();
            String prefix = "SECURITY NOTICE: team " + name + ": ";
            if (team.hasNonNull("unchecked")) {
                err.println(
                        prefix
                                + "could not check whether the recovery key was used: "
                                + team.path("unchecked").asText());
                continue;
            }
            for (JsonNode u : team.path("uses")) {
                err.println(
                        prefix
                                + "the recovery key was used: request "
                                + u.path("requestId").asText()
                                + " by "
                                + u.path("requesterEmail").asText()
                                + " for "
                                + u.path("scope").asText()
                                + " reached its approvals; an owner must run 'strongroom"
                                + " recovery rekey "
                                + name
                                + "'");
            }
        }
        err.flush();
    }
}

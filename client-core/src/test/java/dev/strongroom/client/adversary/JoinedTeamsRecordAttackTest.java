package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.model.wire.AccountRecordResponse;
import dev.strongroom.model.wire.Base64Url;
import org.junit.jupiter.api.Test;

/**
 * The account's joined-teams record (docs/CRYPTO.md, "Joined teams across devices"): a second
 * device of bob syncs Acme, which bob joined on his first device, without a new join. The server
 * cannot forge or transplant the record (an alert, nothing applied); withholding or rolling it back
 * only leaves the team unjoined on the new device.
 */
class JoinedTeamsRecordAttackTest extends WorldTest {

    static final String RECORD = "/api/v1/account/records/joined-teams";

    /** A new device of bob behind the proxy that never joined anything itself. */
    static Device newDevice() {
        return w.device(w.proxy.endpoint(), w.bobEmail, "second");
    }

    @Test
    void aSecondDeviceSyncsATeamJoinedOnTheFirst() {
        Device d = newDevice();
        d.engine.pull();
        assertThat(d.engine.teams()).contains(w.teamId);
        assertThat(d.engine.unjoinedTeams()).isEmpty();
        assertThat(d.cache.items(w.shared)).hasSize(2);
    }

    @Test
    void aTamperedRecordIsRefused() throws Exception {
        Device d = newDevice();
        w.proxy.rewriteResponse(
                "GET",
                RECORD,
                t -> {
                    byte[] record = Base64Url.decode(t.get("record").asText());
                    record[record.length / 2] ^= 1;
                    return ((ObjectNode) t).put("record", Base64Url.encode(record));
                });
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
        assertThat(d.engine.teams()).doesNotContain(w.teamId);
    }

    @Test
    void anotherAccountsRecordIsRefused() throws Exception {
        Device d = newDevice();
        AccountRecordResponse carols =
                w.carol
                        .session
                        .server()
                        .transport()
                        .get(RECORD, w.carol.session.token(), AccountRecordResponse.class);
        assertThat(carols.record()).isNotEmpty();
        w.proxy.rewriteResponse(
                "GET",
                RECORD,
                t -> ((ObjectNode) t).put("record", Base64Url.encode(carols.record())));
        d.pullRefused(SecurityAlertCode.TAMPERED_DATA);
        assertThat(d.engine.teams()).doesNotContain(w.teamId);
    }

    @Test
    void aWithheldRecordOnlyLeavesTheTeamUnjoined() {
        Device d = newDevice();
        w.proxy.rewriteResponse(
                "GET", RECORD, t -> ((ObjectNode) t).put("record", "").put("version", 0));
        d.engine.pull();
        assertThat(d.engine.teams()).doesNotContain(w.teamId);
        assertThat(d.engine.unjoinedTeams()).extracting(u -> u.teamId()).containsExactly(w.teamId);
    }
}

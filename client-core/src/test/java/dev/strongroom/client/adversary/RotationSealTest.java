package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.strongroom.client.vault.ItemView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After its own key rotation the rotator seals the vault head from what it verified and signed in
 * memory: it asks the server for one item (the rotation's last re-wrap, at the change position the
 * rotation must end at) instead of fetching every re-wrapped revision back. Anything that does not
 * fit that answer falls back to fetching and checking every change. Either way every other device
 * verifies all it is served, and the rotator's later pulls agree with the head it sealed.
 */
class RotationSealTest extends WorldTest {

    @Test
    void theRotatorSealsItsHeadFromMemoryWithoutFetchingItsReWrapsBack() {
        Device alice = w.victim(w.aliceEmail);
        w.proxy.recording(true);
        w.proxy.clearRecorded();

        int version = alice.engine.rotateVaultKey(w.shared);

        assertThat(servedItems()).isEqualTo(1);
        everyoneReadsTheRotatedVault(alice, version);
    }

    @Test
    void aProbeAnswerThatDoesNotFitFallsBackToCheckingEveryChange() {
        Device alice = w.victim(w.aliceEmail);
        w.proxy.on(
                "GET",
                w.vaultPath(w.shared),
                (req, up) -> {
                    MaliciousServer.Response real = up.send(req);
                    if (req.query() == null || !req.query().endsWith("limit=1")) {
                        return real;
                    }
                    JsonNode t = real.json();
                    return real.withJson(
                            JsonEdits.set(
                                    t, "/cursor", LongNode.valueOf(t.get("cursor").asLong() + 1)));
                });
        w.proxy.recording(true);
        w.proxy.clearRecorded();

        int version = alice.engine.rotateVaultKey(w.shared);

        assertThat(servedItems()).isGreaterThan(2); // the probe, then both re-wraps in full
        w.proxy.clearRules();
        everyoneReadsTheRotatedVault(alice, version);
    }

    private static void everyoneReadsTheRotatedVault(Device alice, int version) {
        Device fresh = w.fresh(w.bobEmail);
        for (Device d : List.of(alice, w.alice, w.bob, fresh)) {
            d.engine.pull();
            assertThat(d.engine.team(w.teamId).orElseThrow().vaults().get(w.shared).keyVersion())
                    .isEqualTo(version);
            for (String item : List.of(w.itemA, w.itemB)) {
                assertThat(d.cache.item(w.shared, item).orElseThrow().revision().keyVersion())
                        .isEqualTo(version);
                try (ItemView v = d.vaults.get(w.shared, item).orElseThrow()) {
                    assertThat(v.content().name()).isNotBlank();
                }
            }
        }
        // the rotator writes on top of the head it sealed; the others verify the write
        try (ItemView v = alice.vaults.get(w.shared, w.itemA).orElseThrow()) {
            alice.vaults.edit(
                    w.shared,
                    w.itemA,
                    v.content().toBuilder()
                            .modified(v.content().modified().plusSeconds(1))
                            .build());
        }
        long written = alice.cache.item(w.shared, w.itemA).orElseThrow().revisionNumber();
        w.bob.engine.pull();
        assertThat(w.bob.cache.item(w.shared, w.itemA).orElseThrow().revisionNumber())
                .isEqualTo(written);
    }

    /** Item revisions the proxy served for Shared's changes since recording started. */
    private static int servedItems() {
        int n = 0;
        for (MaliciousServer.Exchange e : w.proxy.recorded("GET", w.vaultPath(w.shared))) {
            n += e.response().json().get("items").size();
        }
        return n;
    }
}

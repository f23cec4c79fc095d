package dev.strongroom.client.adversary;

import static dev.strongroom.client.adversary.JsonEdits.array;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.crypto.keys.VaultKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attack 4: the server serves an unknown or older envelope version, strips a key so that the client
 * would make a new one, or serves a non-AEAD blob where ciphertext belongs. The server alone cannot
 * re-sign what it alters, so most of its edits end at a signature; an insider who signs a blob in a
 * bad format shows the format check behind it.
 */
class FormatDowngradeAttackTest extends WorldTest {

    static final byte[] PLAINTEXT_JSON =
            "{\"type\":\"login\",\"name\":\"Bank\",\"password\":\"hunter2\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        w.proxy.recording(true);
    }

    void rewriteShared(java.util.function.UnaryOperator<JsonNode> edit) {
        w.proxy.rewriteResponse("GET", w.vaultPath(w.shared), edit);
    }

    @Test
    void anUnknownEnvelopeVersionFromTheServerIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(
                t -> {
                    byte[] c = JsonEdits.decode(t, "/items/0/content");
                    c[0] = 0x02; // no such version
                    return JsonEdits.setBytes(t, "/items/0/content", c);
                });
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void anUnknownEnvelopeVersionSignedByAWriterIsAFormatDowngrade() throws Exception {
        Device victim = w.victim(w.aliceEmail);
        {
            Device bob = w.bob;
            bob.engine.pull();
            VaultKey key = bob.engine.currentVaultKey(w.shared);
            var q = Forgery.sealed(bob, w.teamId, key, w.shared, bob.engine.logSeq(w.teamId));
            byte[] content = q.content();
            content[0] = 0x00; // the "older" (never defined) version
            JsonNode forged =
                    Forgery.item(
                            bob,
                            w.teamId,
                            w.shared,
                            q.itemId(),
                            1,
                            q.keyVersion(),
                            q.itemKeyWrap(),
                            content,
                            q.logSeq());
            rewriteShared(
                    t -> {
                        array(t, "/items").add(forged);
                        return t;
                    });
            victim.pullRefused(SecurityAlertCode.FORMAT_DOWNGRADE);
        }
    }

    @Test
    void aNonAeadBlobSignedByAWriterIsAFormatDowngrade() throws Exception {
        Device victim = w.victim(w.aliceEmail);
        {
            Device bob = w.bob;
            bob.engine.pull();
            VaultKey key = bob.engine.currentVaultKey(w.shared);
            var q = Forgery.sealed(bob, w.teamId, key, w.shared, bob.engine.logSeq(w.teamId));
            JsonNode forged =
                    Forgery.item(
                            bob,
                            w.teamId,
                            w.shared,
                            q.itemId(),
                            1,
                            q.keyVersion(),
                            q.itemKeyWrap(),
                            PLAINTEXT_JSON,
                            q.logSeq());
            rewriteShared(
                    t -> {
                        array(t, "/items").add(forged);
                        return t;
                    });
            victim.pullRefused(SecurityAlertCode.FORMAT_DOWNGRADE);
        }
    }

    @Test
    void aNonAeadBlobFromTheServerIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(t -> JsonEdits.setBytes(t, "/items/0/content", PLAINTEXT_JSON));
        d.pullRefused(SecurityAlertCode.BAD_SIGNATURE);
    }

    @Test
    void aPlaintextVaultNameIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(
                t ->
                        JsonEdits.setBytes(
                                t, "/vault/metadata", "Payroll".getBytes(StandardCharsets.UTF_8)));
        d.pullRefused(SecurityAlertCode.FORMAT_DOWNGRADE);
    }

    @Test
    void aStrippedKeyWrapIsRefusedAndNoKeyIsRegenerated() throws Exception {
        Device d = fresh();
        w.proxy.clearRecorded();
        rewriteShared(
                t -> {
                    array(t, "/wraps").removeAll();
                    return t;
                });
        d.pullRefused(SecurityAlertCode.KEY_SUBSTITUTION);
        assertThat(w.proxy.recorded())
                .as("no new key or wrap was uploaded")
                .allMatch(e -> e.request().method().equals("GET"));
    }

    @Test
    void aKeyWrapReplacedByGarbageIsRefused() throws Exception {
        Device d = fresh();
        rewriteShared(t -> JsonEdits.flipByte(t, "/wraps/0/wrap", 0));
        d.pullRefused(SecurityAlertCode.KEY_SUBSTITUTION);
    }

    @Test
    void anOlderLogEntryFormatIsAFormatDowngrade() throws Exception {
        Device d = w.fresh(w.bobEmail);
        w.proxy.rewriteResponse(
                "GET",
                w.logPath(),
                t -> {
                    byte[] body = JsonEdits.decode(t, "/entries/1/body");
                    String s = new String(body, StandardCharsets.UTF_8);
                    return JsonEdits.setBytes(
                            t,
                            "/entries/1/body",
                            // format 1 (clear team names) after a format 2 genesis
                            s.replace("\"format\":2", "\"format\":1")
                                    .getBytes(StandardCharsets.UTF_8));
                });
        d.pullRefused(SecurityAlertCode.FORMAT_DOWNGRADE);
    }

    @Test
    void anUnknownEnvelopeVersionOfThePrivateKeysAtLoginIsAFormatDowngrade() throws Exception {
        Device victim = w.victim(w.bobEmail);
        w.proxy.rewriteResponse(
                "POST",
                "/api/v1/login/finish",
                t -> {
                    byte[] sealed = JsonEdits.decode(t, "/account/encryptedPrivateKeys");
                    sealed[0] = 0x00;
                    return JsonEdits.setBytes(t, "/account/encryptedPrivateKeys", sealed);
                });
        victim.refuses(
                SecurityAlertCode.FORMAT_DOWNGRADE,
                () -> w.device(w.proxy.endpoint(), w.bobEmail, "login"));
    }
}

package dev.strongroom.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.asym.X25519PrivateKey;
import dev.strongroom.crypto.asym.X25519PublicKey;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.testing.Failures;
import dev.strongroom.crypto.testing.Vectors;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 9180 Appendix A (see vectors/hpke/PROVENANCE.md). Applicable: DHKEM(X25519, HKDF-SHA256) with
 * HKDF-SHA256 and AES-128-GCM or ChaCha20Poly1305, modes base (0) and auth (2): 4 vectors. Not
 * applicable: PSK (1) and AuthPSK (3) modes, the P-256 and P-521 KEMs and the Export-Only AEAD: 24
 * vectors.
 *
 * <p>Per applicable vector: DeriveKeyPair for R and E (and S in auth mode), enc and shared_secret
 * on the sender side, shared_secret on the receiver side, key, base_nonce and exporter_secret, each
 * encryption sealed and opened at its sequence number, each export, and the single-shot path the
 * public API uses (sequence 0) sealed and opened.
 */
class HpkeRfc9180VectorTest {

    private static final int APPLICABLE_VECTORS = 4;
    private static final int NOT_APPLICABLE_VECTORS = 24;

    /** Base: 2 key pairs + 2 encap + 1 decap + 3 schedule + 6*2 encryptions + 3 exports + 2. */
    private static final int CHECKS_BASE = 25;

    /** Auth adds the sender key pair. */
    private static final int CHECKS_AUTH = CHECKS_BASE + 1;

    private static final int EXPECTED_CHECKS = 2 * CHECKS_BASE + 2 * CHECKS_AUTH;

    @Test
    void appendixA() {
        Failures failures = new Failures("RFC 9180 Appendix A");
        int applicable = 0;
        int notApplicable = 0;
        for (JsonNode vector : Vectors.json("hpke/rfc9180_appendix_a.json")) {
            Optional<HpkeSuite> suite = suiteOf(vector);
            int mode = vector.get("mode").asInt();
            if (suite.isEmpty()
                    || (mode != HpkeContext.MODE_BASE && mode != HpkeContext.MODE_AUTH)) {
                notApplicable++;
                continue;
            }
            applicable++;
            String name = vector.get("name").asText();
            try {
                check(vector, suite.get(), mode == HpkeContext.MODE_AUTH, name, failures);
            } catch (RuntimeException e) {
                failures.fail(name, "unexpected " + e);
            }
        }
        assertThat(new int[] {applicable, notApplicable})
                .as("applicable / not applicable vectors")
                .containsExactly(APPLICABLE_VECTORS, NOT_APPLICABLE_VECTORS);
        failures.assertAllPassed(EXPECTED_CHECKS);
    }

    private static Optional<HpkeSuite> suiteOf(JsonNode vector) {
        if (vector.get("kem_id").asInt() != DhKem.KEM_ID
                || vector.get("kdf_id").asInt() != LabeledKdf.KDF_ID) {
            return Optional.empty();
        }
        int aeadId = vector.get("aead_id").asInt();
        return Arrays.stream(HpkeSuite.values()).filter(s -> s.aeadId == aeadId).findFirst();
    }

    private static void check(
            JsonNode v, HpkeSuite suite, boolean auth, String name, Failures failures) {
        byte[] info = hex(v, "info");
        try (X25519KeyPair r = DhKem.deriveKeyPair(hex(v, "ikmR"));
                X25519KeyPair e = DhKem.deriveKeyPair(hex(v, "ikmE"));
                X25519KeyPair s = auth ? DhKem.deriveKeyPair(hex(v, "ikmS")) : null) {
            checkPair(failures, name + " R", r, hex(v, "skRm"), hex(v, "pkRm"));
            checkPair(failures, name + " E", e, hex(v, "skEm"), hex(v, "pkEm"));
            if (auth) {
                checkPair(failures, name + " S", s, hex(v, "skSm"), hex(v, "pkSm"));
            }

            DhKem.Encapsulation encapsulation =
                    auth
                            ? DhKem.authEncap(r.publicKey(), s.privateKey(), e)
                            : DhKem.encap(r.publicKey(), e);
            failures.check(Arrays.equals(encapsulation.enc(), hex(v, "enc")), name, "enc");
            failures.check(
                    Arrays.equals(encapsulation.sharedSecret(), hex(v, "shared_secret")),
                    name,
                    "shared_secret (encap)");
            byte[] decapped =
                    auth
                            ? DhKem.authDecap(hex(v, "enc"), r.privateKey(), s.publicKey())
                            : DhKem.decap(hex(v, "enc"), r.privateKey());
            failures.check(
                    Arrays.equals(decapped, hex(v, "shared_secret")),
                    name,
                    "shared_secret (decap)");

            byte mode = auth ? HpkeContext.MODE_AUTH : HpkeContext.MODE_BASE;
            try (HpkeContext sender =
                            HpkeContext.keySchedule(
                                    suite, mode, encapsulation.sharedSecret(), info);
                    HpkeContext receiver = HpkeContext.keySchedule(suite, mode, decapped, info)) {
                failures.check(Arrays.equals(sender.keyForTest(), hex(v, "key")), name, "key");
                failures.check(
                        Arrays.equals(sender.baseNonceForTest(), hex(v, "base_nonce")),
                        name,
                        "base_nonce");
                failures.check(
                        Arrays.equals(sender.exporterSecretForTest(), hex(v, "exporter_secret")),
                        name,
                        "exporter_secret");
                checkEncryptions(v, name, sender, receiver, failures);
                for (JsonNode export : v.get("exports")) {
                    byte[] exported =
                            receiver.export(
                                    hex(export, "exporter_context"), export.get("L").asInt());
                    failures.check(
                            Arrays.equals(exported, hex(export, "exported_value")),
                            name,
                            "export " + export.get("exporter_context").asText());
                }
            }
            Bytes.wipe(encapsulation.sharedSecret());

            checkSingleShot(v, suite, auth, name, r, s, failures);
        }
    }

    private static void checkPair(
            Failures failures, String id, X25519KeyPair pair, byte[] sk, byte[] pk) {
        failures.check(
                Arrays.equals(pair.privateKey().copyBytes(), sk)
                        && Arrays.equals(pair.publicKey().bytes(), pk),
                id,
                "DeriveKeyPair");
    }

    /** Both contexts advance through the unlisted sequence numbers with empty messages. */
    private static void checkEncryptions(
            JsonNode v, String name, HpkeContext sender, HpkeContext receiver, Failures failures) {
        long sequence = 0;
        for (JsonNode encryption : v.get("encryptions")) {
            long target = encryption.get("sequence_number").asLong();
            for (; sequence < target; sequence++) {
                receiver.open(new byte[0], sender.seal(new byte[0], new byte[0]));
            }
            String id = name + " seq " + target;
            byte[] ct = sender.seal(hex(encryption, "aad"), hex(encryption, "pt"));
            failures.check(Arrays.equals(ct, hex(encryption, "ct")), id, "ct");
            byte[] pt = receiver.open(hex(encryption, "aad"), hex(encryption, "ct"));
            failures.check(Arrays.equals(pt, hex(encryption, "pt")), id, "opened pt");
            sequence++;
        }
    }

    /** The code path behind Hpke.sealBase/sealAuth/openBase/openAuth, with the vector's ikmE. */
    private static void checkSingleShot(
            JsonNode v,
            HpkeSuite suite,
            boolean auth,
            String name,
            X25519KeyPair r,
            X25519KeyPair s,
            Failures failures) {
        JsonNode first = v.get("encryptions").get(0);
        X25519PrivateKey sender = auth ? s.privateKey() : null;
        X25519PublicKey senderPublic = auth ? s.publicKey() : null;
        HpkeSealed sealed =
                Hpke.insecureSealWithIkmE(
                        suite,
                        r.publicKey(),
                        sender,
                        hex(v, "ikmE"),
                        hex(v, "info"),
                        hex(first, "aad"),
                        hex(first, "pt"));
        failures.check(
                Arrays.equals(sealed.toBytes(), Bytes.concat(hex(v, "enc"), hex(first, "ct"))),
                name,
                "single-shot seal");
        byte[] opened =
                Hpke.open(
                        suite,
                        r.privateKey(),
                        senderPublic,
                        HpkeSealed.fromBytes(sealed.toBytes()),
                        hex(v, "info"),
                        hex(first, "aad"));
        failures.check(Arrays.equals(opened, hex(first, "pt")), name, "single-shot open");
    }

    private static byte[] hex(JsonNode node, String field) {
        return Vectors.hex(node.get(field));
    }
}

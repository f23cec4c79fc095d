package dev.strongroom.model.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strongroom.crypto.keys.IdentityKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedVaultStateTest {

    private final IdentityKeys author = IdentityKeys.generate();
    private final IdentityKeys other = IdentityKeys.generate();

    private ItemRevision revision(long rev, boolean deleted, String vault) {
        return ItemRevision.of(
                "t", vault, "i", rev, 1, new byte[] {1}, new byte[] {2}, deleted, "a", 5);
    }

    @Test
    void itemRevisionSignatureCoversEveryField() {
        ItemRevision r = revision(3, false, "v");
        byte[] sig = r.sign(author);
        assertThat(r.verify(author.signingPublicKey(), sig)).isTrue();
        assertThat(r.verify(other.signingPublicKey(), sig)).isFalse();
        assertThat(revision(2, false, "v").verify(author.signingPublicKey(), sig)).isFalse();
        assertThat(revision(3, true, "v").verify(author.signingPublicKey(), sig)).isFalse();
        assertThat(revision(3, false, "w").verify(author.signingPublicKey(), sig)).isFalse();
        ItemRevision otherContent =
                ItemRevision.of("t", "v", "i", 3, 1, new byte[] {1}, new byte[] {3}, false, "a", 5);
        assertThat(otherContent.verify(author.signingPublicKey(), sig)).isFalse();
    }

    @Test
    void headDigestIsOrderIndependentButSensitiveToEveryRevision() {
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("x", new byte[] {1});
        a.put("y", new byte[] {2});
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("y", new byte[] {2});
        b.put("x", new byte[] {1});
        assertThat(VaultHead.digestOf(a)).isEqualTo(VaultHead.digestOf(b));
        b.put("x", new byte[] {9});
        assertThat(VaultHead.digestOf(a)).isNotEqualTo(VaultHead.digestOf(b));
        b.remove("x");
        assertThat(VaultHead.digestOf(a)).isNotEqualTo(VaultHead.digestOf(b));
    }

    @Test
    void headSignatureCoversCounterAndDigest() {
        byte[] digest = VaultHead.digestOf(Map.of("x", new byte[] {1}));
        VaultHead head = new VaultHead("t", "v", 7, 1, digest, 1, "a", 5);
        byte[] sig = head.sign(author);
        assertThat(head.verify(author.signingPublicKey(), sig)).isTrue();
        assertThat(
                        new VaultHead("t", "v", 6, 1, digest, 1, "a", 5)
                                .verify(author.signingPublicKey(), sig))
                .isFalse();
        assertThat(
                        new VaultHead("t", "v", 7, 1, new byte[32], 1, "a", 5)
                                .verify(author.signingPublicKey(), sig))
                .isFalse();
    }
}

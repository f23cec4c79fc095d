package dev.strongroom.crypto.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.AuthenticationFailedException;
import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.asym.X25519;
import dev.strongroom.crypto.asym.X25519KeyPair;
import dev.strongroom.crypto.common.Randoms;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.slip39.Slip39Share;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryKeyTest {

    private static final String TEAM = "team-1";

    private final IdentityKeys owner = IdentityKeys.generate();
    private final List<IdentityKeys> approvers = new ArrayList<>();

    RecoveryKeyTest() {
        for (int i = 0; i < 5; i++) {
            approvers.add(IdentityKeys.generate());
        }
    }

    private ShareBinding shareBinding(int i) {
        return new ShareBinding(TEAM, 1, "approver-" + i, approvers.get(i).encryptionPublicKey());
    }

    /** The whole path: split, seal to approvers, approvers re-seal to the request, combine. */
    @Test
    void threeOfFiveApprovalsReconstructTheKeyThatOpensVaultKeys() {
        try (RecoveryKey key = RecoveryKey.generate();
                X25519KeyPair request = X25519.generate();
                VaultKey vaultKey = VaultKey.generate(1)) {
            List<Slip39Share> shares = key.split(3, 5);
            List<byte[]> sealed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sealed.add(SealedShares.sealToApprover(shares.get(i), shareBinding(i), owner));
            }
            byte[] digest = Randoms.bytes(32);
            List<Slip39Share> received = new ArrayList<>();
            for (int i : new int[] {4, 0, 2}) {
                ApprovalBinding b =
                        new ApprovalBinding(
                                TEAM, "req-1", digest, "approver-" + i, request.publicKey());
                Slip39Share mine =
                        SealedShares.openAsApprover(
                                sealed.get(i),
                                shareBinding(i),
                                approvers.get(i),
                                owner.encryptionPublicKey());
                byte[] resealed = SealedShares.sealToRequest(mine, b, approvers.get(i));
                received.add(
                        SealedShares.openAsRequester(
                                resealed,
                                b,
                                request.privateKey(),
                                approvers.get(i).encryptionPublicKey()));
            }
            VaultKeyWrap.Binding wrapBinding =
                    new VaultKeyWrap.Binding(
                            TEAM, "vault-1", 1, RecoveryKey.RECIPIENT_ID, key.publicKey());
            byte[] wrap = VaultKeyWrap.seal(vaultKey, wrapBinding, owner);
            try (RecoveryKey combined = RecoveryKey.combine(received, key.publicKey());
                    VaultKey opened =
                            combined.openVaultKey(wrap, wrapBinding, owner.encryptionPublicKey())) {
                assertThat(opened.copyBytes()).isEqualTo(vaultKey.copyBytes());
            }
            assertThatThrownBy(() -> RecoveryKey.combine(received.subList(0, 2), key.publicKey()))
                    .isInstanceOf(InvalidShareException.class);
        }
    }

    @Test
    void sharesOfAnotherSplitAreRefusedNotMisused() {
        try (RecoveryKey current = RecoveryKey.generate();
                RecoveryKey old = RecoveryKey.generate()) {
            List<Slip39Share> oldShares = old.split(2, 3);
            assertThatThrownBy(
                            () -> RecoveryKey.combine(oldShares.subList(0, 2), current.publicKey()))
                    .isInstanceOf(InvalidShareException.class)
                    .hasMessageContaining("another recovery key");
        }
    }

    @Test
    void aSealedShareOpensOnlyInItsOwnContext() {
        try (RecoveryKey key = RecoveryKey.generate();
                X25519KeyPair request = X25519.generate();
                X25519KeyPair otherRequest = X25519.generate()) {
            Slip39Share share = key.split(2, 2).get(0);
            byte[] sealed = SealedShares.sealToApprover(share, shareBinding(0), owner);
            // another approver, another policy version, a sender other than the policy author
            assertThatThrownBy(
                            () ->
                                    SealedShares.openAsApprover(
                                            sealed,
                                            new ShareBinding(
                                                    TEAM,
                                                    2,
                                                    "approver-0",
                                                    approvers.get(0).encryptionPublicKey()),
                                            approvers.get(0),
                                            owner.encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(
                            () ->
                                    SealedShares.openAsApprover(
                                            sealed,
                                            shareBinding(0),
                                            approvers.get(0),
                                            approvers.get(1).encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            byte[] digest = Randoms.bytes(32);
            ApprovalBinding b =
                    new ApprovalBinding(TEAM, "req-1", digest, "approver-0", request.publicKey());
            byte[] resealed = SealedShares.sealToRequest(share, b, approvers.get(0));
            ApprovalBinding widerScope =
                    new ApprovalBinding(
                            TEAM, "req-1", Randoms.bytes(32), "approver-0", request.publicKey());
            ApprovalBinding otherRequestId =
                    new ApprovalBinding(TEAM, "req-2", digest, "approver-0", request.publicKey());
            for (ApprovalBinding wrong : List.of(widerScope, otherRequestId)) {
                assertThatThrownBy(
                                () ->
                                        SealedShares.openAsRequester(
                                                resealed,
                                                wrong,
                                                request.privateKey(),
                                                approvers.get(0).encryptionPublicKey()))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            assertThatThrownBy(
                            () ->
                                    SealedShares.openAsRequester(
                                            resealed,
                                            b,
                                            otherRequest.privateKey(),
                                            approvers.get(0).encryptionPublicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void paperSharesRoundTripThroughSlip39Words() {
        try (RecoveryKey key = RecoveryKey.generate()) {
            List<Slip39Share> shares = key.split(2, 3);
            List<Slip39Share> typed = new ArrayList<>();
            for (Slip39Share s : List.of(shares.get(2), shares.get(1))) {
                typed.add(Slip39Share.fromMnemonic(s.toMnemonicChars()));
            }
            try (RecoveryKey back = RecoveryKey.combine(typed, key.publicKey())) {
                assertThat(back.publicKey().bytes()).isEqualTo(key.publicKey().bytes());
            }
        }
    }

    @Test
    void refusesThresholdsOutsideTheIssuesBounds() {
        try (RecoveryKey key = RecoveryKey.generate()) {
            assertThatThrownBy(() -> key.split(1, 3))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> key.split(4, 3))
                    .isInstanceOf(ParameterRejectedException.class);
            assertThatThrownBy(() -> key.split(2, 17))
                    .isInstanceOf(ParameterRejectedException.class);
        }
    }

    /** Known answer: the R1 and R2 layouts of docs/CRYPTO.md, so a refactor cannot move a byte. */
    @Test
    void contextLayoutsArePinned() {
        byte[] key = new byte[32];
        key[0] = 9;
        var pub = new dev.strongroom.crypto.asym.X25519PublicKey(key);
        String r1 =
                HexFormat.of()
                        .formatHex(RecoveryContexts.share(new ShareBinding("t", 7, "a", pub)));
        assertThat(r1)
                .isEqualTo(
                        "0000001c"
                                + hex("strongroom/v1/recovery-share")
                                + "00000001"
                                + hex("t")
                                + "00000004"
                                + "00000007"
                                + "00000001"
                                + hex("a")
                                + "00000020"
                                + "09"
                                + "00".repeat(31));
        String r2 =
                HexFormat.of()
                        .formatHex(
                                RecoveryContexts.approval(
                                        new ApprovalBinding(
                                                "t", "r", new byte[] {1, 2}, "a", pub)));
        assertThat(r2)
                .isEqualTo(
                        "0000001f"
                                + hex("strongroom/v1/recovery-approval")
                                + "00000001"
                                + hex("t")
                                + "00000001"
                                + hex("r")
                                + "00000002"
                                + "0102"
                                + "00000001"
                                + hex("a")
                                + "00000020"
                                + "09"
                                + "00".repeat(31));
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

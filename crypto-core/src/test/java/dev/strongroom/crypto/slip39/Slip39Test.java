package dev.strongroom.crypto.slip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.InvalidShareException;
import dev.strongroom.crypto.api.ParameterRejectedException;
import dev.strongroom.crypto.common.Randoms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class Slip39Test {

    private static final char[] PASSPHRASE = "correct horse ~ battery".toCharArray();

    @Test
    void singleGroupSplitIsTheBreakGlassScheme() {
        byte[] secret = Randoms.bytes(32);
        List<Slip39Share> shares = Slip39.splitSingleGroup(secret, PASSPHRASE, 3, 5);
        assertThat(shares).hasSize(5);
        for (Slip39Share share : shares) {
            assertThat(share.extendable()).isTrue();
            assertThat(share.iterationExponent()).isEqualTo(1);
            assertThat(share.groupThreshold()).isEqualTo(1);
            assertThat(share.groupCount()).isEqualTo(1);
            assertThat(share.memberThreshold()).isEqualTo(3);
            assertThat(share.identifier()).isEqualTo(shares.get(0).identifier());
            assertThat(share.toMnemonic().split(" ")).hasSize(33);
        }
        assertThat(shares).extracting(Slip39Share::memberIndex).containsExactly(0, 1, 2, 3, 4);
        List<Slip39Share> some = List.of(shares.get(4), shares.get(1), shares.get(2));
        assertThat(Slip39.combine(some, PASSPHRASE)).isEqualTo(secret);
        // Shares survive the mnemonic and binary forms.
        List<Slip39Share> reread = new ArrayList<>();
        reread.add(Slip39Share.fromMnemonic(shares.get(0).toMnemonic()));
        reread.add(Slip39Share.fromBytes(shares.get(3).toBytes()));
        reread.add(shares.get(2));
        assertThat(Slip39.combine(reread, PASSPHRASE)).isEqualTo(secret);
        // No way to tell a wrong passphrase (SLIP-0039 plausible deniability): another secret.
        assertThat(Slip39.combine(some, "wrong".toCharArray())).isNotEqualTo(secret);
    }

    @Test
    void twoLevelSplitNeedsTheGroupThresholdOfGroups() {
        byte[] secret = Randoms.bytes(16);
        List<List<Slip39Share>> groups =
                Slip39.split(
                        secret,
                        null,
                        2,
                        List.of(new GroupSpec(1, 1), new GroupSpec(2, 3), new GroupSpec(3, 5)),
                        0,
                        false);
        assertThat(groups).hasSize(3);
        assertThat(groups.get(2)).hasSize(5);
        assertThat(groups.get(2).get(0).extendable()).isFalse();
        List<Slip39Share> groups1And3 = new ArrayList<>(groups.get(0));
        groups1And3.addAll(groups.get(2).subList(1, 4));
        Collections.shuffle(groups1And3);
        assertThat(Slip39.combine(groups1And3, new char[0])).isEqualTo(secret);

        List<Slip39Share> groups2And3 = new ArrayList<>(groups.get(1).subList(1, 3));
        groups2And3.addAll(groups.get(2).subList(0, 3));
        assertThat(Slip39.combine(groups2And3, null)).isEqualTo(secret);

        assertRejected(() -> Slip39.combine(groups.get(2).subList(0, 3), null), "insufficient");
        List<Slip39Share> allThree = new ArrayList<>(groups1And3);
        allThree.addAll(groups.get(1).subList(0, 2));
        assertRejected(() -> Slip39.combine(allThree, null), "too many groups");
        List<Slip39Share> extraMember = new ArrayList<>(groups.get(0));
        extraMember.addAll(groups.get(2).subList(0, 4));
        assertRejected(() -> Slip39.combine(extraMember, null), "too many");
        List<Slip39Share> duplicate = new ArrayList<>(groups.get(0));
        duplicate.addAll(groups.get(2).subList(0, 2));
        duplicate.add(groups.get(2).get(0));
        assertRejected(() -> Slip39.combine(duplicate, null), "repeats member index 1");
        assertRejected(() -> Slip39.combine(List.of(), null), "no shares");
    }

    @Test
    void sharesOfAnotherSplitAreRejected() {
        byte[] secret = Randoms.bytes(16);
        List<Slip39Share> a = Slip39.splitSingleGroup(secret, null, 2, 3);
        List<Slip39Share> b = Slip39.splitSingleGroup(secret, null, 2, 3);
        if (a.get(0).identifier() == b.get(0).identifier()) {
            return; // 1 in 32768: the digest test in Slip39PropertyTest covers this case
        }
        assertRejected(
                () -> Slip39.combine(List.of(a.get(0), b.get(1)), null), "different identifier");
    }

    @Test
    void rejectsBadSplitParameters() {
        byte[] secret = new byte[16];
        List<GroupSpec> one = List.of(new GroupSpec(2, 3));
        List<Executable> bad =
                List.of(
                        () -> Slip39.split(new byte[14], null, 1, one, 0, true),
                        () -> Slip39.split(new byte[17], null, 1, one, 0, true),
                        () -> Slip39.split(new byte[258], null, 1, one, 0, true),
                        () -> Slip39.split(secret, null, 1, one, -1, true),
                        () -> Slip39.split(secret, null, 1, one, 16, true),
                        () -> Slip39.split(secret, null, 0, one, 0, true),
                        () -> Slip39.split(secret, null, 2, one, 0, true),
                        () -> Slip39.split(secret, null, 1, List.of(), 0, true),
                        () ->
                                Slip39.split(
                                        secret,
                                        null,
                                        1,
                                        Collections.nCopies(17, new GroupSpec(1, 1)),
                                        0,
                                        true),
                        () -> new GroupSpec(1, 2),
                        () -> new GroupSpec(0, 1),
                        () -> new GroupSpec(3, 2),
                        () -> new GroupSpec(2, 17),
                        () -> Slip39.splitSingleGroup(secret, "caf\u00e9".toCharArray(), 2, 3),
                        () -> Slip39.splitSingleGroup(secret, "tab\there".toCharArray(), 2, 3),
                        () -> Slip39.combine(List.of(), "\u00e9".toCharArray()));
        for (Executable call : bad) {
            assertThatThrownBy(call::execute).isInstanceOf(ParameterRejectedException.class);
        }
    }

    @Test
    void maximalSplitWorks() {
        byte[] secret = Randoms.bytes(256);
        List<Slip39Share> shares =
                Slip39.split(secret, null, 1, List.of(new GroupSpec(16, 16)), 0, true).get(0);
        assertThat(Slip39.combine(shares, null)).isEqualTo(secret);
        assertThat(shares.get(15).toMnemonic().split(" ")).hasSize(212);
    }

    private static void assertRejected(Executable call, String reason) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining(reason);
    }
}

package dev.strongroom.crypto.slip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.crypto.api.InvalidShareException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the SLIP-0039 layer. Most run below the passphrase encryption ({@link
 * Slip39#splitEncrypted} / {@link ShareCombiner}), because every full split or combine runs PBKDF2
 * 10000 * 2^e times; {@link #fullRoundTrip} covers the whole path with e = 0 and few tries.
 */
class Slip39PropertyTest {

    @Provide
    Arbitrary<byte[]> secrets() {
        return Arbitraries.of(16, 32)
                .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    /** M-of-N with 1 <= M <= N <= 16, and N = 1 when M = 1 (SLIP-0039 forbids 1-of-N). */
    private static GroupSpec scheme(int count, int thresholdSeed) {
        int threshold = 1 + thresholdSeed % count;
        return new GroupSpec(threshold, threshold == 1 ? 1 : count);
    }

    private static List<Slip39Share> pick(List<Slip39Share> shares, int k, Random random) {
        List<Slip39Share> copy = new ArrayList<>(shares);
        Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, k));
    }

    private static List<Slip39Share> splitOneGroup(byte[] ems, int identifier, GroupSpec spec) {
        return Slip39.splitEncrypted(ems, identifier, true, 0, 1, List.of(spec)).get(0);
    }

    @Property(tries = 300)
    void anyThresholdSharesRecoverAndFewerAreRejected(
            @ForAll("secrets") byte[] ems,
            @ForAll @IntRange(min = 1, max = 16) int count,
            @ForAll @IntRange(min = 1, max = 16) int thresholdSeed,
            @ForAll @IntRange(min = 0, max = 0x7fff) int identifier,
            @ForAll Random random) {
        GroupSpec spec = scheme(count, thresholdSeed);
        List<Slip39Share> shares = splitOneGroup(ems, identifier, spec);
        assertThat(shares).hasSize(spec.memberCount());
        int threshold = spec.memberThreshold();
        assertThat(ShareCombiner.recoverEncrypted(pick(shares, threshold, random))).isEqualTo(ems);
        if (threshold > 1) {
            List<Slip39Share> tooFew = pick(shares, threshold - 1, random);
            assertThatThrownBy(() -> ShareCombiner.recoverEncrypted(tooFew))
                    .isInstanceOf(InvalidShareException.class)
                    .hasMessageContaining("too few");
        }
    }

    @Property(tries = 200)
    void aShareOfAnotherSplitIsRejectedEvenWithTheSameIdentifier(
            @ForAll("secrets") byte[] ems,
            @ForAll @IntRange(min = 2, max = 16) int count,
            @ForAll @IntRange(min = 1, max = 16) int thresholdSeed,
            @ForAll @IntRange(min = 0, max = 0x7fff) int identifier,
            @ForAll Random random) {
        GroupSpec spec = new GroupSpec(2 + thresholdSeed % (count - 1), count);
        List<Slip39Share> shares = splitOneGroup(ems, identifier, spec);
        // Same secret, identifier and parameters: only the digest can tell the sets apart.
        List<Slip39Share> other = splitOneGroup(ems, identifier, spec);
        List<Slip39Share> mixed = pick(shares, spec.memberThreshold(), random);
        Slip39Share replaced = mixed.remove(0);
        mixed.add(random.nextInt(mixed.size() + 1), other.get(replaced.memberIndex()));
        assertThatThrownBy(() -> ShareCombiner.recoverEncrypted(mixed))
                .isInstanceOf(InvalidShareException.class)
                .hasMessageContaining("digest mismatch");
    }

    @Property(tries = 200)
    void twoLevelThresholdSetsRecover(
            @ForAll("secrets") byte[] ems,
            @ForAll @IntRange(min = 1, max = 5) int groupCount,
            @ForAll @IntRange(min = 1, max = 5) int groupThresholdSeed,
            @ForAll Random random) {
        int groupThreshold = 1 + groupThresholdSeed % groupCount;
        List<GroupSpec> specs = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            specs.add(scheme(1 + random.nextInt(6), random.nextInt(16)));
        }
        List<List<Slip39Share>> groups =
                Slip39.splitEncrypted(ems, random.nextInt(0x8000), true, 3, groupThreshold, specs);
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            order.add(g);
        }
        Collections.shuffle(order, random);
        List<Slip39Share> chosen = new ArrayList<>();
        for (int g : order.subList(0, groupThreshold)) {
            chosen.addAll(pick(groups.get(g), specs.get(g).memberThreshold(), random));
        }
        Collections.shuffle(chosen, random);
        assertThat(ShareCombiner.recoverEncrypted(chosen)).isEqualTo(ems);
    }

    @Property(tries = 300)
    void mnemonicAndBinaryFormsRoundTrip(
            @ForAll("secrets") byte[] value,
            @ForAll @IntRange(min = 0, max = 0x7fff) int identifier,
            @ForAll boolean extendable,
            @ForAll @IntRange(min = 0, max = 15) int exponent,
            @ForAll @IntRange(min = 0, max = 15) int groupIndex,
            @ForAll @IntRange(min = 1, max = 16) int groupCount,
            @ForAll @IntRange(min = 1, max = 16) int groupThresholdSeed,
            @ForAll @IntRange(min = 0, max = 15) int memberIndex,
            @ForAll @IntRange(min = 1, max = 16) int memberThreshold) {
        int groupThreshold = 1 + groupThresholdSeed % groupCount;
        Slip39Share share =
                new Slip39Share(
                        identifier,
                        extendable,
                        exponent,
                        groupIndex,
                        groupThreshold,
                        groupCount,
                        memberIndex,
                        memberThreshold,
                        value.clone());
        byte[] bytes = share.toBytes();
        assertThat(bytes).hasSize(6 + value.length);
        String mnemonic = share.toMnemonic();
        assertThat(mnemonic.split(" ")).hasSize(value.length == 16 ? 20 : 33);
        try (Slip39Share fromWords = Slip39Share.fromMnemonic(mnemonic);
                Slip39Share fromBytes = Slip39Share.fromBytes(bytes)) {
            assertThat(fromWords.toBytes()).isEqualTo(bytes);
            assertThat(fromBytes.toMnemonic()).isEqualTo(mnemonic);
            assertThat(fromWords.identifier()).isEqualTo(identifier);
            assertThat(fromWords.extendable()).isEqualTo(extendable);
            assertThat(fromWords.iterationExponent()).isEqualTo(exponent);
            assertThat(fromWords.groupIndex()).isEqualTo(groupIndex);
            assertThat(fromWords.groupThreshold()).isEqualTo(groupThreshold);
            assertThat(fromWords.groupCount()).isEqualTo(groupCount);
            assertThat(fromWords.memberIndex()).isEqualTo(memberIndex);
            assertThat(fromWords.memberThreshold()).isEqualTo(memberThreshold);
            assertThat(fromBytes.value()).isEqualTo(value);
        }
    }

    /** The whole path including the PBKDF2 Feistel (e = 0, so few tries keep it fast). */
    @Property(tries = 12)
    void fullRoundTrip(
            @ForAll("secrets") byte[] secret,
            @ForAll @IntRange(min = 1, max = 16) int count,
            @ForAll @IntRange(min = 1, max = 16) int thresholdSeed,
            @ForAll("passphrases") String passphrase,
            @ForAll boolean extendable,
            @ForAll Random random) {
        GroupSpec spec = scheme(count, thresholdSeed);
        char[] pass = passphrase.toCharArray();
        List<Slip39Share> shares =
                Slip39.split(secret, pass, 1, List.of(spec), 0, extendable).get(0);
        List<Slip39Share> reread = new ArrayList<>();
        for (Slip39Share share : pick(shares, spec.memberThreshold(), random)) {
            reread.add(Slip39Share.fromMnemonic(share.toMnemonic()));
        }
        assertThat(Slip39.combine(reread, pass)).isEqualTo(secret);
    }

    @Provide
    Arbitrary<String> passphrases() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20);
    }
}

package dev.strongroom.client.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast parser agrees with the definition it replaces (Instant.parse, accepted only when
 * toString gives the text back) on random instants and on every one-character change of them.
 */
class CanonicalInstantsTest {

    private static Instant slow(String text) {
        try {
            Instant i = Instant.parse(text);
            return i.toString().equals(text) ? i : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Test
    void agreesWithTheGeneralParserOnRandomInstantsAndTheirMutations() {
        SplittableRandom random = new SplittableRandom(20261123);
        char[] alphabet = "0123456789-:.TZ+ x".toCharArray();
        List<String> disagreements = new ArrayList<>();
        int acceptedByFastPath = 0;
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_799L);
            int nanos =
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            List<String> cases = new ArrayList<>(List.of(text, text + "Z", text.substring(1)));
            char[] mutated = text.toCharArray();
            mutated[random.nextInt(mutated.length)] = alphabet[random.nextInt(alphabet.length)];
            cases.add(new String(mutated));
            for (String c : cases) {
                Instant fast = CanonicalInstants.parse(c);
                if (fast != null) {
                    acceptedByFastPath++;
                    if (!fast.equals(slow(c))) {
                        disagreements.add(c);
                    }
                } else if (slow(c) != null && c.charAt(0) != '+' && c.charAt(0) != '-') {
                    disagreements.add("refused but canonical: " + c);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(acceptedByFastPath).isGreaterThan(20_000);
    }

    @Test
    void refusesNonCanonicalForms() {
        for (String s :
                List.of(
                        "2026-01-02T03:04:05.000Z",
                        "2026-01-02T03:04:05.100000Z",
                        "2026-01-02T03:04:05.1Z",
                        "2026-02-30T03:04:05Z",
                        "2026-01-02T24:00:00Z",
                        "2026-01-02T03:04:05+00:00",
                        "2026-01-02 03:04:05Z",
                        "2026-01-02T03:04Z")) {
            assertThat(CanonicalInstants.parse(s)).as(s).isNull();
        }
        assertThat(CanonicalInstants.parse("2026-01-02T03:04:05.120Z"))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.120Z"));
    }
}

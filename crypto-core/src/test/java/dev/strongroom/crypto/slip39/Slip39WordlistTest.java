package dev.strongroom.crypto.slip39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Slip39WordlistTest {

    @Test
    void hasTheSpecifiedShape() {
        assertThat(Slip39Wordlist.words()).hasSize(1024).isSorted().doesNotHaveDuplicates();
        assertThat(Slip39Wordlist.word(0)).isEqualTo("academic");
        assertThat(Slip39Wordlist.word(1023)).isEqualTo("zero");
        Set<String> prefixes = new HashSet<>();
        for (String word : Slip39Wordlist.words()) {
            assertThat(word).matches("[a-z]{4,8}");
            prefixes.add(word.substring(0, 4));
        }
        assertThat(prefixes).hasSize(1024);
        assertThatThrownBy(() -> Slip39Wordlist.word(1024))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void looksUpWholeWordsIgnoringCase() {
        for (int i = 0; i < Slip39Wordlist.SIZE; i++) {
            String word = Slip39Wordlist.word(i);
            assertThat(Slip39Wordlist.indexOf(word)).isEqualTo(i);
            assertThat(Slip39Wordlist.indexOf(word.toUpperCase())).isEqualTo(i);
        }
        assertThat(Slip39Wordlist.indexOf("acade")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOf("academics")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOf("")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOf("bitcoin")).isEqualTo(-1);
    }

    @Test
    void looksUpByTheFourLetterPrefix() {
        for (int i = 0; i < Slip39Wordlist.SIZE; i++) {
            String word = Slip39Wordlist.word(i);
            assertThat(Slip39Wordlist.indexOfPrefix(word.substring(0, 4))).isEqualTo(i);
            assertThat(Slip39Wordlist.indexOfPrefix(word)).isEqualTo(i);
            assertThat(Slip39Wordlist.indexOfPrefix(word.substring(0, 4).toUpperCase()))
                    .isEqualTo(i);
        }
        assertThat(Slip39Wordlist.indexOfPrefix("aca")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOfPrefix("acadx")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOfPrefix("academicx")).isEqualTo(-1);
        assertThat(Slip39Wordlist.indexOfPrefix("zzzz")).isEqualTo(-1);
    }
}

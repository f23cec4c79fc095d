package dev.strongroom.client.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    private static String mask(String output, int chunk, String... secrets) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<byte[]> s =
                java.util.Arrays.stream(secrets)
                        .map(x -> x.getBytes(StandardCharsets.UTF_8))
                        .toList();
        try (MaskingOutputStream m = new MaskingOutputStream(sink, s)) {
            byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i += chunk) {
                m.write(bytes, i, Math.min(chunk, bytes.length - i));
            }
        }
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void masksEveryOccurrenceAndPrefersTheLongerValue() throws IOException {
        assertThat(mask("pw=hunter2 again hunter2.", 64, "hunter2"))
                .isEqualTo("pw=***** again *****.");
        assertThat(mask("token abcdef and abc", 64, "abc", "abcdef"))
                .isEqualTo("token ***** and *****");
        assertThat(mask("nothing here", 64, "secret", "")).isEqualTo("nothing here");
    }

    @Test
    void aPrefixAtTheEndOfTheStreamIsNotMaskedButFlushed() throws IOException {
        assertThat(mask("ends with hunt", 3, "hunter2")).isEqualTo("ends with hunt");
    }

    @Property(tries = 200)
    void masksValuesSplitAcrossAnyWriteBoundary(@ForAll @IntRange(min = 1, max = 17) int chunk)
            throws IOException {
        String out = "line1 s3cr3t-välue\nline2 s3cr3t-välues3cr3t-välue end";
        assertThat(mask(out, chunk, "s3cr3t-välue")).isEqualTo("line1 *****\nline2 ********** end");
    }
}

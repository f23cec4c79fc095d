package dev.strongroom.client.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SecretTextTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(SecretTextJson.module());

    @Test
    void equalityIsByContentAndToStringIsRedacted() {
        SecretText a = SecretText.copyOf("hunter2".toCharArray());
        SecretText b = SecretText.copyOf("hunter2".toCharArray());
        SecretText c = SecretText.copyOf("hunter3".toCharArray());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toString()).isEqualTo("SecretText[redacted]");
        assertThat(SecretText.constantTimeEquals("ab".toCharArray(), "abc".toCharArray()))
                .isFalse();
    }

    @Test
    void charsIsACopyAndWipeClearsTheOwnedArray() {
        char[] owned = "s3cret".toCharArray();
        SecretText secret = SecretText.takeOwnership(owned);
        char[] copy = secret.chars();
        copy[0] = 'X';
        assertThat(secret.chars()).containsExactly("s3cret".toCharArray());
        secret.close();
        assertThat(secret.isWiped()).isTrue();
        assertThat(owned).containsOnly('\0');
        assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
        assertThat(secret).isNotEqualTo(SecretText.copyOf("s3cret".toCharArray()));
    }

    @Test
    void utf8RoundTripAndStrictDecoding() {
        SecretText secret = SecretText.copyOf("pässwörd €".toCharArray());
        byte[] utf8 = secret.toUtf8();
        assertThat(utf8).isEqualTo("pässwörd €".getBytes(StandardCharsets.UTF_8));
        assertThat(SecretText.fromUtf8(utf8)).isEqualTo(secret);
        assertThatThrownBy(() -> SecretText.fromUtf8(new byte[] {(byte) 0xc3}))
                .hasMessage("secret is not valid UTF-8");
    }

    @Test
    void jacksonRoundTripThroughTheModule() throws Exception {
        SecretText secret = SecretText.copyOf("line\n\"quoted\" \\ é 🔑".toCharArray());
        byte[] json = mapper.writeValueAsBytes(Map.of("k", secret));
        Holder holder = mapper.readValue(json, Holder.class);
        assertThat(holder.k).isEqualTo(secret);
    }

    @Test
    void longValuesSpanningParserBuffersRoundTrip() throws Exception {
        char[] big = new char[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = "ab\"\\\né€".charAt(i % 7);
        }
        SecretText secret = SecretText.copyOf(big);
        byte[] json = mapper.writeValueAsBytes(Map.of("k", secret));
        assertThat(mapper.readValue(json, Holder.class).k).isEqualTo(secret);
        // also through a Reader-based (char) parser, which has different buffers
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(mapper.readValue(new java.io.StringReader(text), Holder.class).k)
                .isEqualTo(secret);
    }

    @Test
    void jacksonRejectsNonStringsAndNull() {
        assertThatThrownBy(() -> mapper.readValue("{\"k\":12}", Holder.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("expected a JSON string for a secret");
        assertThatThrownBy(() -> mapper.readValue("{\"k\":null}", Holder.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("null is not a valid secret");
    }

    @Property(tries = 200)
    void jsonRoundTripOfArbitraryText(@ForAll String text) throws Exception {
        SecretText secret = SecretText.copyOf(text.toCharArray());
        byte[] json = mapper.writeValueAsBytes(Map.of("k", secret));
        assertThat(mapper.readValue(json, Holder.class).k).isEqualTo(secret);
    }

    static final class Holder {
        public SecretText k;
    }
}

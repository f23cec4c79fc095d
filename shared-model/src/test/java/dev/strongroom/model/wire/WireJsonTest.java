package dev.strongroom.model.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strongroom.model.api.ErrorResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireJsonTest {

    private final ObjectMapper json = WireJson.mapper();

    record Sample(UUID id, String name, Long revision, byte[] blob, Boolean flag) {
        Sample {
            Require.present(id, "id");
        }
    }

    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @Test
    void readsAWellFormedDocument() throws Exception {
        Sample s =
                json.readValue(
                        "{\"id\":\""
                                + ID
                                + "\",\"name\":\"x'; DROP TABLE--\",\"revision\":7,"
                                + "\"blob\":\"AQID_-8\",\"flag\":true}",
                        Sample.class);
        assertThat(s.id()).isEqualTo(UUID.fromString(ID));
        assertThat(s.revision()).isEqualTo(7);
        assertThat(s.blob()).containsExactly(1, 2, 3, 0xff, 0xef);
        assertThat(json.writeValueAsString(s)).contains("\"blob\":\"AQID_-8\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":\"" + ID + "\",\"extra\":1}",
                "{\"id\":\"" + ID + "\",\"id\":\"" + ID + "\"}",
                "{\"id\":\"" + ID + "\"} {}",
                "{\"id\":\"" + ID + "\",\"name\":5}",
                "{\"id\":\"" + ID + "\",\"name\":true}",
                "{\"id\":\"" + ID + "\",\"name\":\"a\\u0000b\"}",
                "{\"id\":\"" + ID + "\",\"name\":\"a\\ud800b\"}",
                "{\"id\":\"" + ID + "\",\"revision\":\"7\"}",
                "{\"id\":\"" + ID + "\",\"revision\":7.0}",
                "{\"id\":\"" + ID + "\",\"revision\":99999999999999999999999}",
                "{\"id\":\"" + ID + "\",\"revision\":[7]}",
                "{\"id\":\"" + ID + "\",\"flag\":1}",
                "{\"id\":\"" + ID + "\",\"flag\":\"true\"}",
                "{\"id\":\"" + ID + "\",\"blob\":\"AQID/+8\"}",
                "{\"id\":\"" + ID + "\",\"blob\":\"AQI=\"}",
                "{\"id\":\"" + ID + "\",\"blob\":\"AQJ\"}",
                "{\"id\":\"" + ID + "\",\"blob\":\"A\"}",
                "{\"id\":\"" + ID + "\",\"blob\":[1,2]}",
                "{\"id\":\"1-2-3-4-5\"}",
                "{\"id\":\"D7uwPtPJTl-hZXCGdyiVDg==\"}",
                "{\"id\":null}",
                "{}",
                "[]",
                "{\"id\":",
            })
    void rejectsAnythingLoose(String document) {
        assertThatThrownBy(() -> json.readValue(document, Sample.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void errorBodyHasTheFixedShape() throws Exception {
        assertThat(
                        json.writeValueAsString(
                                ErrorResponse.of(
                                        dev.strongroom.model.api.ErrorCode.NOT_FOUND,
                                        "no such item")))
                .isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"no such item\"}}");
        assertThat(json.writeValueAsString(ErrorResponse.conflict("stale", 4)))
                .isEqualTo(
                        "{\"error\":{\"code\":\"revision_conflict\",\"message\":\"stale\",\"currentRevision\":4}}");
    }

    @Test
    void kdfParamsCheckTheirShape() {
        assertThatThrownBy(() -> new KdfParams("argon2id", null, 3, 4, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams("pbkdf2-sha256", 1, 600_000, null, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KdfParams("scrypt", 1, 1, 1, new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(KdfParams.pbkdf2(600_000, new byte[16]).iterations()).isEqualTo(600_000);
    }
}

package dev.strongroom.model.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.UUID;

/**
 * The one JSON configuration of the Strongroom wire protocol, used by server and clients alike so
 * both sides accept exactly the same documents.
 *
 * <p>It is strict on purpose: unknown fields, duplicate keys, trailing content, scalar coercion
 * ({@code "1"} for a number, {@code 1} for a string, {@code 1.0} for an integer), non-canonical
 * base64url and non-canonical UUIDs are all rejected, so a malformed request can never be read as
 * something the sender did not mean. Binary fields are base64url without padding; strings may not
 * contain NUL or unpaired surrogates (they would not survive storage unchanged).
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = build();

    private WireJson() {}

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonMapper mapper =
                JsonMapper.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                        .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                        .addModule(strictScalars())
                        .build();
        for (LogicalType type :
                new LogicalType[] {
                    LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean
                }) {
            var config = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }

    private static SimpleModule strictScalars() {
        SimpleModule module = new SimpleModule("strongroom-wire");
        module.addSerializer(byte[].class, new Base64UrlSerializer());
        module.addDeserializer(byte[].class, new Base64UrlDeserializer());
        module.addDeserializer(UUID.class, new CanonicalUuidDeserializer());
        module.addDeserializer(String.class, new CleanStringDeserializer());
        return module;
    }

    private static String requireString(JsonParser p, DeserializationContext ctx, Class<?> type)
            throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctx.handleUnexpectedToken(type, p);
        }
        return p.getText();
    }

    private static final class Base64UrlSerializer extends JsonSerializer<byte[]> {
        @Override
        public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(Base64Url.encode(value));
        }
    }

    private static final class Base64UrlDeserializer extends JsonDeserializer<byte[]> {
        @Override
        public byte[] deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = requireString(p, ctx, byte[].class);
            try {
                return Base64Url.decode(text);
            } catch (IllegalArgumentException e) {
                return (byte[])
                        ctx.handleWeirdStringValue(
                                byte[].class, "", "not base64url without padding");
            }
        }
    }

    private static final class CanonicalUuidDeserializer extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = requireString(p, ctx, UUID.class);
            try {
                return Ids.parse(text);
            } catch (IllegalArgumentException e) {
                return (UUID) ctx.handleWeirdStringValue(UUID.class, "", "not a canonical UUID");
            }
        }
    }

    private static final class CleanStringDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = requireString(p, ctx, String.class);
            if (!Texts.isStorable(text)) {
                return (String)
                        ctx.handleWeirdStringValue(
                                String.class, "", "contains NUL or an unpaired surrogate");
            }
            return text;
        }
    }
}

package dev.strongroom.client.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Writes and reads {@link SecretText} as JSON strings without our code ever creating a {@link
 * String} of the secret: writing goes through {@link JsonGenerator#writeString(char[], int, int)},
 * reading copies straight out of {@link JsonParser#getTextCharacters()}.
 *
 * <p>Honest limit: Jackson's own buffers (the generator's output buffer, the parser's text buffer,
 * recycled buffer pools and the bytes of the document itself) hold copies of the secret that we
 * cannot wipe. Callers should wipe the serialised bytes they own, and treat this as reducing, not
 * eliminating, copies in memory.
 */
public final class SecretTextJson {

    private SecretTextJson() {}

    /** A Jackson module registering the (de)serialisers, for use with an ObjectMapper. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("strongroom-secret-text");
        module.addSerializer(SecretText.class, new SecretTextSerializer());
        module.addDeserializer(SecretText.class, new SecretTextDeserializer());
        return module;
    }

    /** Writes {@code secret} as one JSON string value. */
    public static void write(JsonGenerator generator, SecretText secret) throws IOException {
        char[] chars = secret.view();
        generator.writeString(chars, 0, chars.length);
    }

    /**
     * Reads the current token, which must be a JSON string, into a new SecretText. Anything else
     * (number, null, object...) is rejected with a message that names the token type only.
     */
    public static SecretText read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new JsonParseException(
                    parser, "expected a JSON string for a secret, found " + parser.currentToken());
        }
        return SecretText.copyOf(
                parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }
}

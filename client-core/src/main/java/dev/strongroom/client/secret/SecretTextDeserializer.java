package dev.strongroom.client.secret;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/** Databind deserialiser; see {@link SecretTextJson}. JSON null is rejected, never mapped. */
final class SecretTextDeserializer extends StdDeserializer<SecretText> {

    SecretTextDeserializer() {
        super(SecretText.class);
    }

    @Override
    public SecretText deserialize(JsonParser parser, DeserializationContext context)
            throws IOException {
        return SecretTextJson.read(parser);
    }

    @Override
    public SecretText getNullValue(DeserializationContext context) throws JsonMappingException {
        throw MismatchedInputException.from(
                context.getParser(), SecretText.class, "null is not a valid secret");
    }
}

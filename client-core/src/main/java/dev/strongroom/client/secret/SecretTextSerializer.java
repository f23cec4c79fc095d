package dev.strongroom.client.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Databind serialiser; see {@link SecretTextJson}. */
final class SecretTextSerializer extends StdSerializer<SecretText> {

    SecretTextSerializer() {
        super(SecretText.class);
    }

    @Override
    public void serialize(SecretText value, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        SecretTextJson.write(generator, value);
    }
}

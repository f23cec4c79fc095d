package dev.strongroom.client.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the test-only fixtures under src/test/resources/fixtures/cert (see make-fixtures.sh). */
public final class CertFixtures {

    private CertFixtures() {}

    public static String text(String name) {
        try (InputStream in = CertFixtures.class.getResourceAsStream("/fixtures/cert/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static char[] chars(String name) {
        return text(name).toCharArray();
    }
}

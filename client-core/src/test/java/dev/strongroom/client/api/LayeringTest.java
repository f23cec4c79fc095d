package dev.strongroom.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * sync-server is on client-core's test classpath only; main code must never use it (the client must
 * work against any server that speaks the protocol, and must not carry server code).
 */
class LayeringTest {

    @Test
    void mainCodeNeverImportsTheServer() throws IOException {
        Path main = Path.of("src", "main", "java");
        assertThat(main).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(LayeringTest::mentionsServer)
                            .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean mentionsServer(Path file) {
        try {
            return Files.readString(file).contains("dev.strongroom.server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.strongroom.client.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentServerTest {

    @TempDir Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersRequestsOverAUserOnlySocket() throws Exception {
        Path socket = dir.resolve("run/agent-default.sock");
        try (AgentServer agent =
                AgentServer.start(socket, Duration.ofMinutes(5), req -> reverse(req), () -> {})) {
            AgentClient client = new AgentClient(socket);
            assertThat(client.call(utf8("abc"))).isEqualTo(utf8("cba"));
            assertThat(client.call(new byte[0])).isEmpty();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                    .isEqualTo("rw-------");
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(socket.getParent())))
                    .isEqualTo("rwx------");
            assertThatThrownBy(
                            () ->
                                    AgentServer.start(
                                            socket, Duration.ofMinutes(5), r -> r, () -> {}))
                    .isInstanceOf(AgentException.class)
                    .hasMessageContaining("already running");
        }
        assertThat(Files.exists(socket)).isFalse();
        assertThatThrownBy(() -> new AgentClient(socket).call(utf8("x")))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("locked");
    }

    @Test
    void locksAndStopsAfterIdleTimeout() throws Exception {
        Path socket = dir.resolve("agent.sock");
        CountDownLatch locked = new CountDownLatch(1);
        AgentServer agent =
                AgentServer.start(socket, Duration.ofMillis(300), r -> r, locked::countDown);
        new AgentClient(socket).call(utf8("keep alive"));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.isClosed()).isTrue();
        assertThat(new AgentClient(socket).isAlive()).isFalse();
    }

    @Test
    void replacesAStaleSocketFileAndSurvivesABrokenClient() throws Exception {
        Path socket = dir.resolve("agent.sock");
        Files.createFile(socket);
        try (AgentServer agent =
                AgentServer.start(socket, Duration.ofMinutes(1), r -> r, () -> {})) {
            try (var raw =
                    java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                raw.connect(java.net.UnixDomainSocketAddress.of(socket));
                raw.write(java.nio.ByteBuffer.wrap(new byte[] {0x7f, 0, 0, 0}));
            }
            assertThat(new AgentClient(socket).call(utf8("still here")))
                    .isEqualTo(utf8("still here"));
        }
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}

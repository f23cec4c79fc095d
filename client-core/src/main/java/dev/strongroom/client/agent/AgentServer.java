package dev.strongroom.client.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * The local agent's listening end: a Unix domain socket that only the owning user can reach,
 * answering one request frame with one response frame. It keeps unlocked keys in memory between CLI
 * commands so that nothing secret is written to disk; after {@code idleTimeout} without a request
 * it calls {@code onIdle} (which locks and wipes) and stops listening.
 */
public final class AgentServer implements AutoCloseable {

    /** Answers one request; secrets in the request are the handler's to wipe. */
    public interface Handler {
        byte[] handle(byte[] request) throws Exception;
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Handler handler;
    private final ScheduledExecutorService idleTimer;
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final UserPrincipal owner;
    private volatile boolean closed;

    private AgentServer(Path socket, ServerSocketChannel server, Handler handler)
            throws IOException {
        this.socket = socket;
        this.server = server;
        this.handler = handler;
        this.owner = Files.getOwner(socket);
        this.idleTimer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "strongroom-agent-idle");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * Binds the socket (refusing if a live agent already answers there; removing a stale file
     * otherwise) and starts serving on a daemon thread.
     */
    public static AgentServer start(
            Path socket, Duration idleTimeout, Handler handler, Runnable onIdle)
            throws IOException {
        AgentSocket.prepareDirectory(socket);
        if (Files.exists(socket)) {
            if (AgentClient.isAlive(socket)) {
                throw new AgentException("an agent is already running at " + socket);
            }
            Files.delete(socket);
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        AgentSocket.restrict(socket);
        AgentServer agent = new AgentServer(socket, channel, handler);
        agent.scheduleIdleCheck(idleTimeout, onIdle);
        Thread accept = new Thread(agent::acceptLoop, "strongroom-agent");
        accept.setDaemon(true);
        accept.start();
        return agent;
    }

    private void scheduleIdleCheck(Duration idleTimeout, Runnable onIdle) {
        long period = Math.max(10, Math.min(idleTimeout.toMillis() / 4, 5_000));
        idleTimer.scheduleAtFixedRate(
                () -> {
                    long idle = System.nanoTime() - lastActivity.get();
                    if (!closed && idle >= idleTimeout.toNanos()) {
                        close(); // stop answering first, so nothing is served mid-lock
                        Thread.interrupted(); // close() shut this timer down; let onIdle finish
                        onIdle.run();
                    }
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        while (!closed) {
            try (SocketChannel client = server.accept()) {
                lastActivity.set(System.nanoTime());
                if (!sameUser(client)) {
                    continue;
                }
                byte[] request = AgentFrames.read(client);
                AgentFrames.write(client, handler.handle(request));
                lastActivity.set(System.nanoTime());
            } catch (Exception e) {
                // A broken or refused connection affects only that client; keep serving.
                if (closed) {
                    return;
                }
            }
        }
    }

    private boolean sameUser(SocketChannel client) throws IOException {
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().getName().equals(owner.getName());
    }

    public Path socket() {
        return socket;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        idleTimer.shutdownNow();
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // The socket file is removed on the next start if it survives.
        }
    }
}

package dev.strongroom.client.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI's end of the agent socket: one request frame out, one response frame back. */
public final class AgentClient {

    private final Path socket;

    public AgentClient(Path socket) {
        this.socket = socket;
    }

    /** Sends a request; {@link AgentException} when no agent answers. */
    public byte[] call(byte[] request) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            AgentFrames.write(channel, request);
            return AgentFrames.read(channel);
        } catch (IOException e) {
            throw new AgentException("no agent is running (the vault is locked)");
        }
    }

    static boolean isAlive(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public boolean isAlive() {
        return isAlive(socket);
    }
}

package dev.strongroom.client.agent;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Length-prefixed frames on the agent socket: a 4-byte big-endian length, then that many bytes.
 * Frames are capped so a confused or hostile peer cannot make the agent allocate without bound.
 */
final class AgentFrames {

    static final int MAX_FRAME = 16 * 1024 * 1024;

    private AgentFrames() {}

    static void write(SocketChannel channel, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4).putInt(payload.length).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        while (header.hasRemaining() || body.hasRemaining()) {
            channel.write(new ByteBuffer[] {header, body});
        }
    }

    /** Reads one frame; the caller owns (and wipes, if secret) the returned array. */
    static byte[] read(SocketChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        readFully(channel, header);
        int length = header.flip().getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("agent frame of " + length + " bytes is out of bounds");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(channel, body);
        return body.array();
    }

    private static void readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("agent connection closed");
            }
        }
    }
}

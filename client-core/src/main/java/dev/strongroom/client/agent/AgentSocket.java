package dev.strongroom.client.agent;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where an agent's socket lives, and the permissions that make it the user's alone: the directory
 * is 0700 and the socket 0600, so no other local user can even reach it. The agent also checks each
 * peer's uid (SO_PEERCRED), in case the directory is shared by mistake.
 */
public final class AgentSocket {

    private AgentSocket() {}

    /** $XDG_RUNTIME_DIR/strongroom, else ~/.cache/strongroom/run; one socket per profile. */
    public static Path defaultPath(String profile) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir =
                runtime != null && !runtime.isBlank()
                        ? Path.of(runtime, "strongroom")
                        : Path.of(System.getProperty("user.home"), ".cache", "strongroom", "run");
        return dir.resolve("agent-" + profile.replaceAll("[^A-Za-z0-9._-]", "_") + ".sock");
    }

    static void prepareDirectory(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (posix()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void restrict(Path socket) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

package dev.strongroom.client.adversary;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle every attack class shares: one {@link World} (server, proxy, team, devices) per
 * class, built before its tests and closed after them, with the proxy honest again after each test.
 * Subclasses add their own {@code @BeforeAll} set-up, which JUnit runs after this one.
 */
abstract class WorldTest {

    @TempDir static Path dir;
    static World w;

    @BeforeAll
    static void startWorld() throws Exception {
        w = new World(dir);
    }

    @AfterAll
    static void closeWorld() throws Exception {
        w.close();
    }

    @AfterEach
    void honest() {
        w.proxy.clearRules();
    }

    /** A device of bob that has not synced yet, so every item is in its first changes page. */
    Device fresh() {
        return w.fresh(w.bobEmail);
    }
}

package dev.strongroom.desktop;

import dev.strongroom.desktop.app.AppConfig;
import dev.strongroom.desktop.app.Connection;
import dev.strongroom.desktop.app.OpenAccount;
import java.nio.file.Path;

/**
 * Another person on the same server, driven through client-core (the desktop's {@link OpenAccount}
 * is client-core's session, cache, sync engine and team service) from the test thread, with its own
 * home directory and a cheap KDF.
 */
final class SecondUser {

    private SecondUser() {}

    /** Registers {@code email} on the app's server, without logging in. */
    static void register(Connection connection, Path home, String email) {
        OpenAccount.register(
                new AppConfig(home, DesktopHarness.CHEAP),
                connection,
                email,
                DesktopHarness.PASSWORD.toCharArray());
    }

    /** Registers and logs in; the caller closes the account. */
    static OpenAccount open(Connection connection, Path home, String email) {
        register(connection, home, email);
        return OpenAccount.login(
                new AppConfig(home, DesktopHarness.CHEAP),
                connection,
                email,
                DesktopHarness.PASSWORD.toCharArray());
    }
}

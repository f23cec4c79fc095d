package dev.strongroom.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Installs the server .deb with dpkg for real, runs the unit's command as the package's user with
 * its data in /var/lib/strongroom, then purges it. Runs only as root where dpkg exists and no
 * strongroom-server package is installed already (a real installation is never touched).
 */
class ServerDebInstallIT {

    private static final Path DATA = Path.of("/var/lib/strongroom");
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+) ");

    @Test
    void installsRunsAsItsOwnUserAndPurgesKeepingData() throws Exception {
        assumeTrue(Run.onPath("dpkg"), "skipped: dpkg is not on this machine");
        assumeTrue(Run.of("id", "-u").output().strip().equals("0"), "skipped: needs root");
        assumeTrue(
                Run.of("dpkg", "-s", "strongroom-server").exit() != 0,
                "skipped: a strongroom-server package is already installed here");
        boolean userExisted = Run.of("getent", "passwd", "strongroom").exit() == 0;
        boolean dataExisted = Files.exists(DATA);
        Path deb;
        try (var found = Files.newDirectoryStream(Run.dist(), "strongroom-server_*.deb")) {
            deb = found.iterator().next();
        }
        try {
            Run install = Run.of("dpkg", "-i", deb.toString());
            assertThat(install.exit()).as(install.output()).isZero();

            Run version = Run.of("/opt/strongroom-server/bin/strongroom-server", "--version");
            assertThat(version.output()).startsWith("strongroom-server ");
            assertThat(Run.of("getent", "passwd", "strongroom").output()).contains("nologin");
            assertThat(Run.of("stat", "-c", "%U %a", DATA.toString()).output().strip())
                    .isEqualTo("strongroom 700");
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(
                                            Path.of("/etc/strongroom-server/server.properties"))))
                    .isEqualTo("rw-r-----");

            runUnitCommandAsItsUser();
            assertThat(DATA.resolve("strongroom.db")).exists();
        } finally {
            Run purge = Run.of("dpkg", "--purge", "strongroom-server");
            assertThat(purge.exit()).as(purge.output()).isZero();
            assertThat(Path.of("/opt/strongroom-server")).doesNotExist();
            assertThat(DATA).as("a vault's data survives a purge").exists();
            if (!dataExisted) {
                Run.of("rm", "-rf", DATA.toString());
            }
            if (!userExisted) {
                Run.of("userdel", "strongroom");
                Run.of("groupdel", "strongroom");
            }
        }
    }

    /** The unit's ExecStart, as User=strongroom, on a free port; answers health, stops on TERM. */
    private static void runUnitCommandAsItsUser() throws Exception {
        String unit = Files.readString(Path.of("/lib/systemd/system/strongroom-server.service"));
        Matcher exec = Pattern.compile("(?m)^ExecStart=(.+)$").matcher(unit);
        assertThat(exec.find()).isTrue();
        assertThat(unit).contains("User=strongroom", "StateDirectory=strongroom");
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "strongroom", "--"));
        command.addAll(Arrays.asList(exec.group(1).strip().split("\\s+")));
        command.addAll(List.of("--port", "0"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            int port = -1;
            StringBuilder seen = new StringBuilder();
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(port).as(seen.toString()).isPositive();
            HttpResponse<String> health =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + port
                                                                    + "/api/v1/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            server.destroy(); // SIGTERM to runuser, which passes it on
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}

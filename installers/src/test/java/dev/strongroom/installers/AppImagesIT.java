package dev.strongroom.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built packages start where nothing else is installed, headless, and are what they claim. */
class AppImagesIT {

    private final Path dist = Run.dist();

    @Test
    void desktopAppImageLaunchesHeadlessAndAnswersVersion() throws Exception {
        Path launcher = dist.resolve("strongroom-desktop/bin/strongroom-desktop");
        assertThat(launcher).isExecutable();
        assertThat(dist.resolve("strongroom-desktop/lib/runtime/bin/java")).exists();

        Run run = Run.of(launcher.toString(), "--version");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().strip()).matches("strongroom-desktop \\S+");
    }

    @Test
    void desktopAppImageRunsWithTheJvmOptionsTheBenchMeasures() throws Exception {
        Path shipped =
                Path.of(
                        "../desktop-client/src/main/resources/dev/strongroom/desktop/app/jvm.options");
        List<String> options =
                Files.readAllLines(shipped).stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();
        List<String> cfg =
                Files.readAllLines(
                        dist.resolve("strongroom-desktop/lib/app/strongroom-desktop.cfg"));

        assertThat(options).isNotEmpty();
        assertThat(cfg).containsAll(options.stream().map(o -> "java-options=" + o).toList());
    }

    @Test
    void cliRunsOnItsOwnRuntimeAndRecordsItsStartUpArchiveOnce(@TempDir Path cache)
            throws Exception {
        String cli = dist.resolve("strongroom-cli/bin/strongroom").toString();
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", "/x");

        Run first = Run.of(null, env, cli, "--version");
        Run second = Run.of(null, env, cli, "--version");

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(second.output()).isEqualTo(first.output());
        assertThat(first.output()).startsWith("strongroom ");
        try (var files = Files.list(cache.resolve("strongroom"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .satisfies(name -> assertThat(name).endsWith(".jsa"));
        }
    }

    @Test
    void desktopDebHasItsMenuEntryIconAndCompleteDepends() throws Exception {
        Path deb = only("strongroom-desktop_*.deb");

        String depends = Run.of("dpkg-deb", "-f", deb.toString(), "Depends").output();
        String contents = Run.of("dpkg-deb", "-c", deb.toString()).output();

        assertThat(depends).contains("libgtk-3-0", "libc6", "libgl1", "libxtst6");
        assertThat(contents).containsPattern("\\.desktop\\n").contains("strongroom-desktop.png");
        assertThat(contents).contains("/bin/strongroom-desktop");
    }

    @Test
    void desktopMenuEntryStartsTheAppWithTheEnvironmentTheBenchMeasures() throws Exception {
        Path deb = only("strongroom-desktop_*.deb");
        List<String> env =
                Files.readAllLines(
                                Path.of(
                                        "../desktop-client/src/main/resources/dev/strongroom/desktop/app/launch.env"))
                        .stream()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .toList();

        Run entry =
                Run.of(
                        "sh",
                        "-c",
                        "dpkg-deb --fsys-tarfile '"
                                + deb
                                + "' | tar -xO --wildcards './opt/strongroom-desktop/lib/*.desktop'");

        assertThat(entry.exit()).as(entry.output()).isZero();
        assertThat(env).contains("MALLOC_ARENA_MAX=1");
        assertThat(entry.output())
                .containsPattern(
                        "(?m)^Exec=env "
                                + String.join(" ", env)
                                + " /opt/strongroom-desktop/bin/strongroom-desktop$");
    }

    @Test
    void serverDebCarriesItsUnitConfigAndMaintainerScripts() throws Exception {
        Path deb = only("strongroom-server_*.deb");

        Run contents = Run.of("dpkg-deb", "-c", deb.toString());
        Run control = Run.of("dpkg-deb", "-I", deb.toString());

        assertThat(contents.output())
                .contains("./lib/systemd/system/strongroom-server.service")
                .contains("./etc/strongroom-server/server.properties")
                .contains("./opt/strongroom-server/bin/strongroom-server")
                .contains("./opt/strongroom-server/lib/runtime/bin/java");
        assertThat(control.output())
                .contains("postinst", "prerm", "postrm", "conffiles")
                .containsPattern("Depends: .*libc6");
    }

    @Test
    void checksumsBesideTheOutputsVerify() throws Exception {
        Run check = Run.of(dist, Map.of(), "sha256sum", "--check", "--quiet", "SHA256SUMS");

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(Files.readString(dist.resolve("SHA256SUMS")))
                .contains(".deb")
                .contains("strongroom-desktop/bin/strongroom-desktop")
                .contains("strongroom-cli/bin/strongroom");
    }

    private Path only(String glob) throws Exception {
        try (var found = Files.newDirectoryStream(dist, glob)) {
            var it = found.iterator();
            assertThat(it.hasNext()).as("no " + glob + " in " + dist).isTrue();
            return it.next();
        }
    }
}

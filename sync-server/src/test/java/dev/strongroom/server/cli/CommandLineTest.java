package dev.strongroom.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.config.DataDirs;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir Path dir;

    private ServerConfig parse(Map<String, String> env, Properties file, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.setDefaultValueProvider(new ConfigDefaults(env, file));
        cl.parseArgs(args);
        return serve.toConfig();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() {
        Properties file = new Properties();
        file.setProperty("port", "7001");
        file.setProperty("history-depth", "5");
        file.setProperty("max-item-bytes", "4096");
        Map<String, String> env =
                Map.of("STRONGROOM_PORT", "7002", "STRONGROOM_HISTORY_DEPTH", "6");

        ServerConfig fromFile = parse(Map.of(), file);
        assertThat(fromFile.port()).isEqualTo(7001);
        assertThat(fromFile.historyDepth()).isEqualTo(5);

        ServerConfig fromEnv = parse(env, file);
        assertThat(fromEnv.port()).isEqualTo(7002);
        assertThat(fromEnv.historyDepth()).isEqualTo(6);
        assertThat(fromEnv.maxItemBytes()).isEqualTo(4096);

        ServerConfig fromFlags = parse(env, file, "--port", "7003");
        assertThat(fromFlags.port()).isEqualTo(7003);
        assertThat(fromFlags.historyDepth()).isEqualTo(6);
    }

    @Test
    void builtInDefaults() {
        ServerConfig cfg = parse(Map.of(), new Properties());
        assertThat(cfg.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(cfg.port()).isEqualTo(8080);
        assertThat(cfg.maxItemBytes()).isEqualTo(1 << 20);
        assertThat(cfg.historyDepth()).isEqualTo(20);
        assertThat(cfg.postgres()).isFalse();
        assertThat(cfg.tls()).isFalse();
    }

    @Test
    void configFileIsFoundFromArgumentsOrEnvironment() throws IOException {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, "bind=::1\n");
        ConfigDefaults d =
                ConfigDefaults.from(new String[] {"--config", file.toString()}, Map.of());
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.setDefaultValueProvider(d);
        cl.parseArgs();
        assertThat(serve.toConfig().bindAddress()).isEqualTo("::1");
        assertThat(ConfigDefaults.from(new String[0], Map.of("STRONGROOM_CONFIG", file.toString())))
                .isNotNull();
    }

    @Test
    void plainHttpOffLoopbackNeedsTheInsecureFlag() {
        assertThatThrownBy(() -> parse(Map.of(), new Properties(), "--bind", "0.0.0.0"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("refusing plain HTTP");
        assertThat(
                        parse(Map.of(), new Properties(), "--bind", "0.0.0.0", "--insecure-http")
                                .insecureHttp())
                .isTrue();
        assertThat(parse(Map.of(), new Properties(), "--bind", "::1").bindAddress())
                .isEqualTo("::1");
    }

    @Test
    void tlsFlagsGoTogether() {
        assertThatThrownBy(() -> parse(Map.of(), new Properties(), "--tls-cert", "/x.pem"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void defaultDataDirFollowsXdg() {
        assertThat(DataDirs.defaultDataDir(Map.of("XDG_DATA_HOME", "/x/data"), "/home/u"))
                .isEqualTo(Path.of("/x/data/strongroom-server"));
        assertThat(DataDirs.defaultDataDir(Map.of(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/strongroom-server"));
    }

    @Test
    void auditVerifyExitsNonZeroOnATamperedDatabase() throws Exception {
        try (Database db = Database.openSqlite(dir)) {
            db.migrate();
            AuditLog audit = new AuditLog(db).install();
            for (int i = 0; i < 3; i++) {
                audit.record(AuditEvent.of("test", Actor.system()).detail("n=" + i).build());
            }
        }
        String[] verify = {"audit", "verify", "--data-dir", dir.toString()};
        assertThat(ServerCommand.run(verify, Map.of())).isZero();
        try (Database db = Database.openSqlite(dir)) {
            db.writeRaw(
                    c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("DROP TRIGGER audit_events_no_update");
                            s.executeUpdate("UPDATE audit_events SET detail = 'n=7' WHERE seq = 2");
                        }
                        return null;
                    });
        }
        assertThat(ServerCommand.run(verify, Map.of())).isEqualTo(1);
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(ServerCommand.run(new String[] {"--no-such-flag"}, Map.of())).isEqualTo(2);
    }
}

package dev.strongroom.server;

import dev.strongroom.model.wire.HealthResponse;
import dev.strongroom.server.accounts.AccountApi;
import dev.strongroom.server.accounts.Sessions;
import dev.strongroom.server.audit.Actor;
import dev.strongroom.server.audit.AuditApi;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.config.ServerConfig;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.Credentials;
import dev.strongroom.server.http.HttpServer;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.machines.MachineApi;
import dev.strongroom.server.machines.MachineAuthenticator;
import dev.strongroom.server.machines.MachineRequestAudit;
import dev.strongroom.server.teams.TeamApi;
import dev.strongroom.server.vaults.VaultApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sync server: database opened and migrated, audit log installed, every API registered,
 * HTTP listening. Used by the {@code serve} command and by tests (port 0 picks a free port).
 */
public final class StrongroomServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StrongroomServer.class);

    private final ServerConfig config;
    private final Database db;
    private final AuditLog audit;
    private final HttpServer http;
    private final Routes routes;

    private StrongroomServer(
            ServerConfig config, Database db, AuditLog audit, HttpServer http, Routes routes) {
        this.config = config;
        this.db = db;
        this.audit = audit;
        this.http = http;
        this.routes = routes;
    }

    /** Opens the configured database (migrating it) and starts listening. */
    public static StrongroomServer start(ServerConfig config) {
        Database db = openDatabase(config);
        try {
            db.migrate();
            AuditLog audit = new AuditLog(db).install();
            Routes routes = new Routes(config.maxRequestBytes());
            routes.get(
                    "/api/v1/health",
                    Routes.Access.PUBLIC,
                    call -> {
                        if (!db.isHealthy()) {
                            call.json(503, new HealthResponse("unavailable"));
                            return;
                        }
                        call.ok(new HealthResponse("ok"));
                    });
            Sessions sessions =
                    new Sessions(db, audit, config.sessionIdle(), config.sessionLifetime());
            new AccountApi(db, audit, sessions).register(routes);
            TeamApi teams = new TeamApi(db, config);
            teams.register(routes);
            new MachineApi(db, teams).register(routes);
            new dev.strongroom.server.invites.InviteApi(db).register(routes);
            new dev.strongroom.server.accountdata.AccountRecordApi(db).register(routes);
            new VaultApi(db, audit, config).register(routes);
            new dev.strongroom.server.recovery.RecoveryApis(db, audit, teams).register(routes);
            new AuditApi(db, audit).register(routes);
            HttpServer http =
                    HttpServer.create(
                            config,
                            routes,
                            new Credentials(sessions, new MachineAuthenticator(db, audit)),
                            new MachineRequestAudit(audit));
            http.start();
            audit.record(
                    AuditEvent.of("server.start", Actor.system())
                            .detail(db.dialect().name().toLowerCase(java.util.Locale.ROOT))
                            .build());
            LOG.info(
                    "Strongroom sync server listening on {}://{}:{} (database: {})",
                    config.tls() ? "https" : "http",
                    config.bindAddress(),
                    http.port(),
                    db.description());
            return new StrongroomServer(config, db, audit, http, routes);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Opens (without migrating) the database a configuration points at. */
    public static Database openDatabase(ServerConfig config) {
        return config.postgres()
                ? Database.openPostgres(
                        config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize())
                : Database.openSqlite(config.dataDir());
    }

    public int port() {
        return http.port();
    }

    public Database database() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    public Routes routes() {
        return routes;
    }

    public ServerConfig config() {
        return config;
    }

    /** Finishes in-flight requests, stops listening and closes the database. */
    @Override
    public void close() {
        LOG.info("stopping: finishing in-flight requests");
        try {
            http.stop();
        } finally {
            db.close();
        }
    }
}

package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.FileKdfPinStore;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.account.OfflineAccounts;
import dev.strongroom.client.agent.AgentServer;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerUnreachableException;
import dev.strongroom.client.session.UnlockedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The agent's state and its answers. It starts empty, accepts one {@code login}, then holds the
 * {@link UnlockedSession} until {@code lock}, {@code logout}, the idle timeout, a failed login, the
 * login deadline or SIGTERM; each of those wipes the keys and ends the process. Requests are
 * handled one at a time (the methods are synchronized), so a lock never lands mid-command.
 */
final class AgentHost implements AgentServer.Handler {

    /** A started agent that has not been logged in by then exits. */
    static final Duration LOGIN_DEADLINE = Duration.ofSeconds(60);

    private static final ApiTransport.Options REVOKE_TIMEOUTS =
            new ApiTransport.Options(Duration.ofSeconds(3), Duration.ofSeconds(5), 64 << 10);

    private final AgentConfig config;
    private final ServerApi api;
    private final KdfPinStore pins;
    private final AccountService accounts;
    private final Map<String, AgentOperation> operations;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile AgentServer server;

    /** Where the offline unlock records live, under the config directory. */
    static final String OFFLINE_DIR = "offline";

    private volatile UnlockedSession session;
    private volatile VaultSession vault;
    private String device;
    private Instant unlockedAt;
    private boolean loginAttempted;
    private volatile String tokenToRevoke;
    private volatile Thread replyThread;

    AgentHost(AgentConfig config) {
        this.config = config;
        this.api = ServerApi.connect(config.profile().endpoint());
        this.pins = new FileKdfPinStore(config.configDir());
        this.accounts =
                new AccountService(
                        pins, new OfflineAccounts(config.configDir().resolve(OFFLINE_DIR)));
        Map<String, AgentOperation> all = new java.util.HashMap<>(AccountOperations.all());
        all.putAll(VaultOperations.all());
        all.putAll(ItemOperations.all());
        all.putAll(ItemHistoryOperations.all());
        all.putAll(SyncOperations.all());
        all.putAll(TeamOperations.all());
        all.putAll(MachineOperations.all());
        all.putAll(RecoveryOperations.all());
        this.operations = Map.copyOf(all);
    }

    void attach(AgentServer agentServer) {
        this.server = agentServer;
    }

    @Override
    public synchronized byte[] handle(byte[] raw) {
        AgentResponse response;
        try (AgentRequest request = AgentRequest.parse(raw)) {
            response = dispatch(request);
        } catch (AgentProtocolException e) {
            response = AgentResponse.error(ExitCode.ERROR, "agent protocol: " + e.getMessage());
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        return response.encode();
    }

    private AgentResponse dispatch(AgentRequest request) {
        String url = config.profile().endpoint().baseUrl().toString();
        if (!request.profile().equals(config.profile().name())
                || !request.server().equals(config.profile().endpoint().id())) {
            return AgentResponse.error(
                    ExitCode.ERROR,
                    "the agent at "
                            + config.socket()
                            + " serves server profile "
                            + config.profile().name()
                            + " ("
                            + url
                            + "), not this one");
        }
        AgentOperation operation = operations.get(request.command());
        if (operation == null) {
            return AgentResponse.error(
                    ExitCode.ERROR,
                    "the running agent does not know '"
                            + request.command()
                            + "' (run strongroom lock, then unlock, to start a current one)");
        }
        operation.checkShape(request);
        if (operation.needsSession() && session == null) {
            return AgentResponse.error(ExitCode.AUTHENTICATION, ErrorReporter.LOCKED);
        }
        try {
            return AgentResponse.ok(operation.body().run(this, request));
        } catch (RuntimeException | Error e) {
            ErrorReporter.Classified c = ErrorReporter.classify(e, url);
            return AgentResponse.error(
                    c.code() == ExitCode.OK ? ExitCode.ERROR : c.code(), c.message());
        }
    }

    // ---- state used by the operations (always under this object's lock) ----

    AgentConfig config() {
        return config;
    }

    ServerApi api() {
        return api;
    }

    KdfPinStore pins() {
        return pins;
    }

    AccountService accounts() {
        return accounts;
    }

    UnlockedSession session() {
        return session;
    }

    /** The open cache, sync engine and vault service of the unlocked account. */
    VaultSession vault() {
        VaultSession v = vault;
        if (v == null) {
            throw new CliException(ExitCode.AUTHENTICATION, ErrorReporter.LOCKED);
        }
        return v;
    }

    /** Logs in, once per agent. A failed login ends the agent (after this reply). */
    void login(String email, char[] password, String deviceName) {
        if (loginAttempted) {
            throw new CliException(
                    ExitCode.ERROR, "this agent was already logged in; run strongroom lock first");
        }
        loginAttempted = true;
        try {
            try {
                session = accounts.login(api, email, password, deviceName);
            } catch (ServerUnreachableException e) {
                // No server: unlock from this device's record, if it keeps one; the server
                // session follows when a command next reaches the server.
                session =
                        accounts.unlockOffline(api, email, password, deviceName)
                                .orElseThrow(() -> e);
            }
            device = deviceName;
            unlockedAt = Instant.now();
            vault = VaultSession.open(config.configDir(), config.profile(), session);
        } catch (RuntimeException e) {
            finish(lockNow(), Thread.currentThread());
            throw e;
        }
    }

    /** Wipes the keys; returns the session token for a best-effort revoke, or null. */
    String lockNow() {
        closeVault();
        UnlockedSession s = session;
        session = null;
        if (s == null) {
            return null;
        }
        String token = null;
        try {
            token = s.isOffline() ? null : s.token().reveal();
        } catch (IllegalStateException e) {
            // Already locked: nothing to revoke.
        }
        s.lock();
        return token;
    }

    private void closeVault() {
        VaultSession v = vault;
        vault = null;
        if (v != null) {
            try {
                v.close();
            } catch (RuntimeException e) {
                // closing is best effort: the keys are wiped with the session either way
            }
        }
    }

    /** Locks and ends the agent after the current reply; the server session is then revoked. */
    void lockAndFinish() {
        finish(lockNow(), Thread.currentThread());
    }

    /** Ends the agent after the current reply (the session is already locked or gone). */
    void finishAfterReply() {
        closeVault();
        session = null;
        finish(null, Thread.currentThread());
    }

    ObjectNode status() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("profile", config.profile().name());
        data.put("server", config.profile().endpoint().baseUrl().toString());
        UnlockedSession s = session;
        data.put("state", s == null ? "starting" : "unlocked");
        data.put("email", s == null ? null : s.email());
        data.put("serverSession", s == null ? null : s.isOffline() ? "pending" : "active");
        data.put("accountId", s == null ? null : s.accountId().toString());
        data.put("device", device);
        data.put("unlockedAt", unlockedAt == null ? null : unlockedAt.toString());
        data.put("idleTimeoutSeconds", config.idle().toSeconds());
        data.put("agentPid", ProcessHandle.current().pid());
        return data;
    }

    // ---- lifecycle (called by AgentMain, the idle timer and the shutdown hook) ----

    /** The idle timer fired: the agent server has already stopped listening. */
    synchronized void onIdle() {
        finish(lockNow(), null);
    }

    /** The login deadline passed: end the agent if nobody logged in. */
    synchronized void expireUnlessLoggedIn() {
        if (!loginAttempted) {
            finish(null, null);
        }
    }

    /** SIGTERM or exit: wipe without waiting for a command in progress. */
    void emergencyLock() {
        closeVault();
        UnlockedSession s = session;
        if (s != null) {
            s.lock();
        }
        AgentServer srv = server;
        if (srv != null) {
            srv.close();
        }
    }

    private void finish(String token, Thread replying) {
        AgentServer srv = server;
        if (srv != null) {
            srv.close(); // the socket disappears now: a following status already sees "locked"
        }
        if (finished.getCount() > 0) {
            tokenToRevoke = token;
            replyThread = replying;
            finished.countDown();
        }
    }

    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    /**
     * After the end: let the last reply go out, then end the orphaned server session (the token was
     * already forgotten by the session; this copy only serves to revoke it, best effort).
     */
    void afterFinish() throws InterruptedException {
        AgentServer srv = server;
        if (srv != null) {
            srv.close();
        }
        Thread t = replyThread;
        if (t != null && t != Thread.currentThread()) {
            t.join(5_000);
        }
        String token = tokenToRevoke;
        tokenToRevoke = null;
        if (token != null) {
            try {
                ServerApi.connect(config.profile().endpoint(), REVOKE_TIMEOUTS)
                        .logout(BearerToken.of(token));
            } catch (RuntimeException e) {
                // Offline or refused: the server expires the session by its idle timeout.
            }
        }
    }
}

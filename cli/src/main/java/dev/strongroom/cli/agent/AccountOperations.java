package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ErrorReporter;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.KdfChoice;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import java.util.Map;
import java.util.Set;

/** The agent's account commands: status, login, lock, logout, passwd. */
final class AccountOperations {

    private AccountOperations() {}

    static Map<String, AgentOperation> all() {
        Set<String> none = Set.of();
        return Map.of(
                "status", new AgentOperation(none, none, none, false, (h, r) -> h.status()),
                "login",
                        new AgentOperation(
                                Set.of("email", "device"),
                                none,
                                Set.of("password"),
                                false,
                                AccountOperations::login),
                "lock", new AgentOperation(none, none, none, false, AccountOperations::lock),
                "logout", new AgentOperation(none, none, none, true, AccountOperations::logout),
                "passwd",
                        new AgentOperation(
                                none,
                                Set.of("kdfMemory", "kdfIterations", "kdfParallelism"),
                                Set.of("current", "new"),
                                true,
                                AccountOperations::passwd));
    }

    private static ObjectNode login(AgentHost host, AgentRequest request) {
        host.login(
                request.arg("email").orElseThrow(),
                request.secret("password"),
                request.arg("device").orElseThrow());
        ObjectNode data = host.status();
        String notice = host.vault().notice();
        if (host.session().isOffline()) {
            String offline =
                    "the server cannot be reached: unlocked from this device's offline record;"
                            + " changes are queued until it is back";
            notice = notice == null ? offline : offline + "; " + notice;
        }
        if (notice != null) {
            data.put("notice", notice);
        }
        data.set("sync", host.vault().syncState());
        return data;
    }

    private static ObjectNode lock(AgentHost host, AgentRequest request) {
        boolean wasUnlocked = host.session() != null;
        host.lockAndFinish();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("state", "locked");
        data.put("wasUnlocked", wasUnlocked);
        return data;
    }

    private static ObjectNode logout(AgentHost host, AgentRequest request) {
        UnlockedSession session = host.session();
        String email = session.email();
        try {
            host.accounts().logout(session);
        } catch (RuntimeException e) {
            ErrorReporter.Classified c =
                    ErrorReporter.classify(
                            e, host.config().profile().endpoint().baseUrl().toString());
            throw new CliException(
                    c.code(),
                    "locked on this device, but the server session could not be ended: "
                            + c.message());
        } finally {
            host.finishAfterReply();
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("state", "logged-out");
        data.put("email", email);
        return data;
    }

    private static ObjectNode passwd(AgentHost host, AgentRequest request) {
        UnlockedSession session = host.session();
        KdfParams base =
                host.pins()
                        .pinned(session.server().endpoint().id(), session.email())
                        .orElse(Argon2idParams.DEFAULT);
        KdfParams kdf =
                KdfChoice.choose(
                        base,
                        intArg(request, "kdfMemory"),
                        intArg(request, "kdfIterations"),
                        intArg(request, "kdfParallelism"));
        int revoked =
                host.accounts()
                        .changePassword(
                                session, request.secret("current"), request.secret("new"), kdf);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("email", session.email());
        data.put("revokedSessions", revoked);
        return data;
    }

    private static Integer intArg(AgentRequest request, String name) {
        String value = request.arg(name).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, name + " must be an integer");
        }
    }
}

package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.client.recovery.ReadAheads;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.team.UnverifiedKeyException;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.WireJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's break-glass commands ({@code recovery.*}) over client-core's {@link RecoveryService}
 * and {@link BreakGlass}, on the agent's one engine and team service. Request keys live beside the
 * team trust state under {@code <config>/teams/<profile>/<account>/state/recovery}.
 */
final class RecoveryOperations {

    /** Vaults read ahead of their release, per account, for the agent's lifetime (ciphertext). */
    private static final Map<String, ReadAheads> READ_AHEAD = new ConcurrentHashMap<>();

    private RecoveryOperations() {}

    private record Context(
            SyncEngine engine,
            dev.strongroom.client.vault.VaultService vaults,
            TeamService teams,
            RecoveryService recovery,
            BreakGlass glass) {}

    private interface Body {
        ObjectNode run(Context c, AgentRequest r, String team);
    }

    static Map<String, AgentOperation> all() {
        Map<String, AgentOperation> ops = new HashMap<>();
        op(
                ops,
                "recovery.setup",
                Set.of("approvers", "threshold"),
                Set.of("delay", "veto"),
                (c, r, team) -> {
                    List<String> ids = new ArrayList<>();
                    for (String email : r.arg("approvers").orElseThrow().split(",")) {
                        ids.add(c.teams().memberId(team, email.trim()));
                    }
                    int version =
                            c.recovery()
                                    .setup(
                                            team,
                                            ids,
                                            number(r, "threshold", 0),
                                            number(r, "delay", 0),
                                            r.arg("veto").isPresent());
                    return obj().put("teamId", team).put("policyVersion", version);
                });
        op(
                ops,
                "recovery.status",
                Set.of(),
                Set.of(),
                (c, r, team) -> {
                    ObjectNode out = (ObjectNode) tree(c.recovery().status(team));
                    return out.put("kitAnchor", c.recovery().logHeadAnchor(team).toString());
                });
        op(
                ops,
                "recovery.enrol",
                Set.of(),
                Set.of(),
                (c, r, team) -> {
                    c.recovery().enrol(team);
                    return obj().put("teamId", team).put("enrolled", true);
                });
        op(
                ops,
                "recovery.request",
                Set.of("scope", "reason"),
                Set.of(),
                (c, r, team) ->
                        obj().put(
                                        "requestId",
                                        c.glass()
                                                .request(
                                                        team,
                                                        scope(
                                                                c,
                                                                team,
                                                                r.arg("scope").orElseThrow()),
                                                        r.arg("reason").orElseThrow())));
        op(
                ops,
                "recovery.pending",
                Set.of(),
                Set.of(),
                (c, r, team) -> {
                    List<PendingRequest> pending = c.glass().pending(team);
                    // this account's own requests one approval short: check their scope ahead
                    c.glass().readAheadServed(team, pending);
                    return obj().set("requests", tree(pending));
                });
        op(
                ops,
                "recovery.approve",
                Set.of("request"),
                Set.of(),
                (c, r, team) -> {
                    c.glass().approve(team, r.arg("request").orElseThrow());
                    return obj().put("requestId", r.arg("request").get())
                            .put("decision", "approve");
                });
        op(
                ops,
                "recovery.deny",
                Set.of("request"),
                Set.of(),
                (c, r, team) -> {
                    c.glass().deny(team, r.arg("request").orElseThrow());
                    return obj().put("requestId", r.arg("request").get()).put("decision", "deny");
                });
        op(
                ops,
                "recovery.veto",
                Set.of("request"),
                Set.of(),
                (c, r, team) -> {
                    c.glass().veto(team, r.arg("request").orElseThrow());
                    return obj().put("requestId", r.arg("request").get()).put("decision", "veto");
                });
        op(
                ops,
                "recovery.combine",
                Set.of("request"),
                Set.of(),
                (c, r, team) -> RecoveryCombine.run(c.glass(), team, r.arg("request").get()));
        op(
                ops,
                "recovery.rekey",
                Set.of(),
                Set.of("approvers", "threshold"),
                (c, r, team) -> {
                    List<String> ids = null;
                    if (r.arg("approvers").isPresent()) {
                        ids = new ArrayList<>();
                        for (String email : r.arg("approvers").get().split(",")) {
                            ids.add(c.teams().memberId(team, email.trim()));
                        }
                    }
                    Integer m = r.arg("threshold").isPresent() ? number(r, "threshold", 0) : null;
                    return (ObjectNode) tree(c.glass().rekey(team, ids, m));
                });
        op(
                ops,
                "recovery.share-export",
                Set.of(),
                Set.of(),
                (c, r, team) -> {
                    char[] words = c.recovery().exportShare(team);
                    try {
                        return obj().put("words", new String(words));
                    } finally {
                        Arrays.fill(words, '\0');
                    }
                });
        op(
                ops,
                "recovery.kit-export",
                Set.of("file"),
                Set.of(),
                (c, r, team) -> {
                    Path file = Path.of(r.arg("file").orElseThrow());
                    RecoveryService.KitExport kit = c.recovery().exportKit(team, file);
                    return obj().put("file", file.toString())
                            .put("vaults", kit.vaults())
                            .put("anchor", kit.anchor().toString());
                });
        ops.put(
                "recovery.reset",
                new AgentOperation(
                        Set.of("team", "request"),
                        Set.of(),
                        Set.of("password"),
                        true,
                        (h, r) ->
                                run(
                                        h,
                                        r,
                                        (c, q, team) -> {
                                            c.glass()
                                                    .resetAccount(
                                                            team,
                                                            q.arg("request").orElseThrow(),
                                                            q.secret("password"),
                                                            Argon2idParams.DEFAULT);
                                            return obj().put("requestId", q.arg("request").get())
                                                    .put("reset", true);
                                        })));
        return ops;
    }

    private static void op(
            Map<String, AgentOperation> ops,
            String name,
            Set<String> required,
            Set<String> optional,
            Body body) {
        Set<String> req = new java.util.HashSet<>(required);
        req.add("team");
        ops.put(
                name,
                new AgentOperation(
                        Set.copyOf(req), optional, Set.of(), true, (h, r) -> run(h, r, body)));
    }

    private static ObjectNode run(AgentHost host, AgentRequest request, Body body) {
        try {
            Context c = context(host);
            return body.run(c, request, team(c, request.arg("team").orElseThrow()));
        } catch (RecoveryException | UnverifiedKeyException e) {
            throw new CliException(ExitCode.ERROR, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
        }
    }

    private static Context context(AgentHost host) {
        TeamService teams = TeamOperations.teamService(host);
        SyncEngine engine = host.vault().engine();
        RecoveryService recovery = new RecoveryService(host.vault().vaults(), engine, teams);
        Path state =
                host.config()
                        .configDir()
                        .resolve("teams")
                        .resolve(host.config().profile().name())
                        .resolve(host.session().accountId().toString())
                        .resolve("state");
        return new Context(
                engine,
                host.vault().vaults(),
                teams,
                recovery,
                new BreakGlass(
                        recovery,
                        engine,
                        state,
                        READ_AHEAD.computeIfAbsent(
                                host.session().accountId().toString(), id -> new ReadAheads())));
    }

    private static String team(Context c, String want) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<String> matches = new ArrayList<>();
            for (String id : c.engine().teams()) {
                TeamState s = c.engine().team(id).orElseThrow();
                if (id.equals(want)
                        || want.equals(
                                dev.strongroom.client.sync.TeamNameCheck.read(
                                        s,
                                        c.engine().session().accountId().toString(),
                                        c.engine().session().identity()))) {
                    matches.add(id);
                }
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new CliException(
                        ExitCode.USAGE, "several teams are called " + want + ": use the team id");
            }
            c.engine().pull();
        }
        throw new CliException(ExitCode.NOT_FOUND, "no team " + want);
    }

    /** {@code vault:NAME-OR-ID}, {@code account:EMAIL} or {@code team}. */
    private static RecoveryScope scope(Context c, String team, String raw) {
        TeamState s = c.engine().team(team).orElseThrow();
        if ("team".equals(raw)) {
            return new RecoveryScope(RecoveryScope.TEAM, team);
        }
        if (raw.startsWith("account:")) {
            return new RecoveryScope(
                    RecoveryScope.ACCOUNT, c.teams().memberId(team, raw.substring(8)));
        }
        if (raw.startsWith("vault:")) {
            String want = raw.substring(6);
            if (!s.vaults().containsKey(want)) {
                c.engine().pull(); // a vault created since this device last synced the team
                s = c.engine().team(team).orElseThrow();
            }
            if (s.vaults().containsKey(want)) {
                return new RecoveryScope(RecoveryScope.VAULT, want);
            }
            for (var v : c.vaults().listVaults()) {
                if (v.teamId().equals(team) && v.name().equals(want)) {
                    return new RecoveryScope(RecoveryScope.VAULT, v.vaultId());
                }
            }
            throw new CliException(
                    ExitCode.NOT_FOUND, "no vault " + want + " (use its id if you cannot read it)");
        }
        throw new CliException(ExitCode.USAGE, "scope must be vault:NAME, account:EMAIL or team");
    }

    private static int number(AgentRequest r, String name, int fallback) {
        try {
            return r.arg(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, name + " must be a number");
        }
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return WireJson.mapper().valueToTree(value);
    }
}

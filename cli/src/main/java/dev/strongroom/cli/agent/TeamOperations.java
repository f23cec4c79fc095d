package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.exposure.ExposureFinding;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.sync.UnjoinedTeam;
import dev.strongroom.client.team.InviteRejectedException;
import dev.strongroom.client.team.PendingInvite;
import dev.strongroom.client.team.TeamInfo;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.team.UnverifiedKeyException;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.wire.WireJson;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The agent's team, sharing and exposure commands (names {@code team.*}, {@code vault.share} and
 * friends, {@code exposure.*}). They run over a {@link TeamService} on the agent's shared {@link
 * VaultSession} (one cache, one engine); the team's local trust state lives under {@code
 * <config>/teams/<profile>/<account>/state}.
 */
final class TeamOperations {

    private static Context context;

    private TeamOperations() {}

    /** What a team command works with: the account's engine, vaults and teams. */
    private record Context(
            UnlockedSession session,
            LocalCache cache,
            SyncEngine engine,
            VaultService vaults,
            TeamService teams) {}

    static Map<String, AgentOperation> all() {
        Map<String, AgentOperation> ops = new HashMap<>();
        op(
                ops,
                "team.create",
                Set.of("name"),
                Set.of(),
                (c, r) -> {
                    String id = c.teams().createTeam(r.arg("name").orElseThrow());
                    return obj().put("teamId", id).put("name", r.arg("name").orElseThrow());
                });
        op(
                ops,
                "team.list",
                Set.of(),
                Set.of(),
                (c, r) -> {
                    c.engine().pull();
                    ObjectNode out = obj().set("teams", tree(c.teams().teams()));
                    out.set("unjoined", unjoined(c.teams().unjoinedTeams()));
                    return out;
                });
        op(
                ops,
                "team.join",
                Set.of("team"),
                Set.of(),
                (c, r) -> {
                    UnjoinedTeam t = c.teams().join(r.arg("team").orElseThrow());
                    c.engine().pull();
                    return obj().put("teamId", t.teamId())
                            .put("name", t.name())
                            .put("addedBy", t.addedBy().email());
                });
        op(
                ops,
                "team.invite",
                Set.of("team", "email"),
                Set.of("role", "method"),
                TeamOperations::invite);
        op(
                ops,
                "team.complete",
                Set.of("team"),
                Set.of(),
                (c, r) -> {
                    List<String> added = c.teams().completeInvites(team(c, r));
                    return obj().set("added", tree(added));
                });
        ops.put(
                "team.accept",
                new AgentOperation(
                        Set.of(),
                        Set.of(),
                        Set.of("code"),
                        true,
                        (h, r) ->
                                run(
                                        h,
                                        r,
                                        (c, q) -> {
                                            try {
                                                return obj().put(
                                                                "teamId",
                                                                c.teams().accept(q.secret("code")));
                                            } catch (InviteRejectedException
                                                    | IllegalArgumentException e) {
                                                throw new CliException(
                                                        ExitCode.AUTHENTICATION, e.getMessage());
                                            }
                                        })));
        op(
                ops,
                "team.members",
                Set.of("team"),
                Set.of(),
                (c, r) -> {
                    c.engine().pull();
                    return obj().set("members", tree(c.teams().members(team(c, r))));
                });
        op(
                ops,
                "team.remove",
                Set.of("team", "email"),
                Set.of(),
                (c, r) -> {
                    String team = team(c, r);
                    return (ObjectNode)
                            tree(
                                    c.teams()
                                            .remove(
                                                    team,
                                                    c.teams()
                                                            .memberId(
                                                                    team,
                                                                    r.arg("email").orElseThrow())));
                });
        op(
                ops,
                "team.role",
                Set.of("team", "email", "role"),
                Set.of(),
                (c, r) -> {
                    String team = team(c, r);
                    String member = c.teams().memberId(team, r.arg("email").orElseThrow());
                    c.teams().changeRole(team, member, role(r.arg("role").orElseThrow()));
                    return obj().put("memberId", member).put("role", r.arg("role").orElseThrow());
                });
        op(
                ops,
                "team.rename",
                Set.of("team", "name"),
                Set.of(),
                (c, r) -> {
                    String team = team(c, r);
                    try {
                        c.teams().rename(team, r.arg("name").orElseThrow());
                    } catch (IllegalArgumentException e) {
                        throw new CliException(ExitCode.USAGE, e.getMessage());
                    }
                    return obj().put("teamId", team);
                });
        op(
                ops,
                "team.leave",
                Set.of("team"),
                Set.of(),
                (c, r) -> {
                    String team = team(c, r);
                    c.teams().leave(team);
                    return obj().put("teamId", team).put("left", true);
                });
        op(
                ops,
                "team.fingerprint",
                Set.of(),
                Set.of("email"),
                (c, r) ->
                        (ObjectNode)
                                tree(
                                        r.arg("email").isPresent()
                                                ? c.teams().fingerprint(r.arg("email").get())
                                                : c.teams().myFingerprint()));
        op(
                ops,
                "team.verify",
                Set.of("email", "fingerprint"),
                Set.of(),
                (c, r) ->
                        (ObjectNode)
                                tree(
                                        c.teams()
                                                .verify(
                                                        r.arg("email").orElseThrow(),
                                                        r.arg("fingerprint").orElseThrow())));
        op(
                ops,
                "vault.share",
                Set.of("vault", "email", "permission"),
                Set.of(),
                (c, r) -> {
                    VaultInfo v = vault(c, r);
                    String member = c.teams().memberId(v.teamId(), r.arg("email").orElseThrow());
                    c.teams()
                            .grant(
                                    v.vaultId(),
                                    member,
                                    permission(r.arg("permission").orElseThrow()));
                    c.engine().pull();
                    return obj().put("vaultId", v.vaultId()).put("memberId", member);
                });
        op(
                ops,
                "vault.unshare",
                Set.of("vault", "email"),
                Set.of(),
                (c, r) -> {
                    VaultInfo v = vault(c, r);
                    String member = c.teams().memberId(v.teamId(), r.arg("email").orElseThrow());
                    boolean rotated = c.teams().revoke(v.vaultId(), member);
                    return obj().put("vaultId", v.vaultId())
                            .put("memberId", member)
                            .put("rotated", rotated);
                });
        op(
                ops,
                "vault.members",
                Set.of("vault"),
                Set.of(),
                (c, r) -> {
                    c.engine().pull();
                    return obj().set(
                                    "members", tree(c.teams().vaultMembers(vault(c, r).vaultId())));
                });
        op(
                ops,
                "vault.rotate-key",
                Set.of("vault"),
                Set.of(),
                (c, r) -> {
                    VaultInfo v = vault(c, r);
                    return obj().put("vaultId", v.vaultId())
                            .put("keyVersion", c.teams().rotateVaultKey(v.vaultId()));
                });
        op(
                ops,
                "exposure.list",
                Set.of(),
                Set.of("all"),
                (c, r) -> {
                    c.engine().pull();
                    List<ExposureFinding> f = c.teams().exposure().findings();
                    if (r.arg("all").isEmpty()) {
                        f = f.stream().filter(ExposureFinding::open).toList();
                    }
                    return obj().set("findings", tree(f));
                });
        op(
                ops,
                "exposure.dismiss",
                Set.of("ref", "reason"),
                Set.of(),
                (c, r) -> {
                    String ref = r.arg("ref").orElseThrow();
                    boolean known =
                            c.teams().exposure().findings().stream()
                                    .anyMatch(f -> f.ref().equals(ref));
                    if (!known) {
                        throw new CliException(ExitCode.NOT_FOUND, "no exposure finding " + ref);
                    }
                    c.teams().exposure().dismiss(ref, r.arg("reason").orElseThrow());
                    return obj().put("ref", ref).put("status", "dismissed");
                });
        return ops;
    }

    private static ObjectNode invite(Context c, AgentRequest r) {
        String team = team(c, r);
        Role role = role(r.arg("role").orElse("member"));
        String email = r.arg("email").orElseThrow();
        if ("fingerprint".equals(r.arg("method").orElse("code"))) {
            return obj().put("memberId", c.teams().addMember(team, email, role))
                    .put("method", "fingerprint");
        }
        try (PendingInvite p = c.teams().invite(team, email, role)) {
            return obj().put("inviteId", p.inviteId())
                    .put("email", p.email())
                    .put("code", new String(p.code()))
                    .put("method", "code");
        }
    }

    /** Teams listed but never joined: id, name, who added this account, and the alert. */
    private static com.fasterxml.jackson.databind.node.ArrayNode unjoined(List<UnjoinedTeam> ts) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (UnjoinedTeam t : ts) {
            out.addObject()
                    .put("teamId", t.teamId())
                    .put("name", t.name())
                    .put("addedBy", t.addedBy().email())
                    .put("alert", t.alert());
        }
        return out;
    }

    private interface Body {
        ObjectNode run(Context c, AgentRequest r);
    }

    private static void op(
            Map<String, AgentOperation> ops,
            String name,
            Set<String> required,
            Set<String> optional,
            Body body) {
        ops.put(
                name,
                new AgentOperation(required, optional, Set.of(), true, (h, r) -> run(h, r, body)));
    }

    private static ObjectNode run(AgentHost host, AgentRequest request, Body body) {
        try {
            return body.run(context(host), request);
        } catch (UnverifiedKeyException e) {
            throw new CliException(ExitCode.ERROR, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.NOT_FOUND, e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new CliException(ExitCode.ERROR, e.getMessage());
        }
    }

    /** The agent's team service (shared with the recovery commands). */
    static TeamService teamService(AgentHost host) {
        return context(host).teams();
    }

    /** The open findings of every team's exposure report, for the rotation report. */
    static List<ExposureFinding> openExposures(AgentHost host) {
        return context(host).teams().exposure().findings().stream()
                .filter(ExposureFinding::open)
                .toList();
    }

    private static synchronized Context context(AgentHost host) {
        UnlockedSession s = host.session();
        VaultSession v = host.vault();
        if (context == null || context.session() != s || context.engine() != v.engine()) {
            // The team state (pins, invite keys, dismissals) lives beside the config; the cache,
            // engine and vaults are the agent's one shared VaultSession.
            Path home =
                    host.config()
                            .configDir()
                            .resolve("teams")
                            .resolve(host.config().profile().name())
                            .resolve(s.accountId().toString());
            context =
                    new Context(
                            s,
                            v.cache(),
                            v.engine(),
                            v.vaults(),
                            new TeamService(v.vaults(), v.engine(), home.resolve("state")));
        }
        return context;
    }

    /** The agent's shared team service (the machine commands build on it). */
    static TeamService teams(AgentHost host) {
        return context(host).teams();
    }

    /** A team id from an id or a name, resolved as the team commands do. */
    static String teamId(AgentHost host, String want) {
        return team(context(host), want);
    }

    private static String team(Context c, AgentRequest r) {
        return team(c, r.arg("team").orElseThrow());
    }

    private static String team(Context c, String want) {
        List<TeamInfo> matches =
                c.teams().teams().stream()
                        .filter(t -> t.teamId().equals(want) || want.equals(t.name()))
                        .toList();
        if (matches.size() != 1) {
            c.engine().pull();
            matches =
                    c.teams().teams().stream()
                            .filter(t -> t.teamId().equals(want) || want.equals(t.name()))
                            .toList();
        }
        if (matches.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "no team " + want);
        }
        if (matches.size() > 1) {
            throw new CliException(
                    ExitCode.USAGE, "several teams are called " + want + ": use the team id");
        }
        return matches.get(0).teamId();
    }

    private static VaultInfo vault(Context c, AgentRequest r) {
        String want = r.arg("vault").orElseThrow();
        c.engine().pull();
        List<VaultInfo> matches =
                c.vaults().listVaults().stream()
                        .filter(v -> v.vaultId().equals(want) || v.name().equals(want))
                        .toList();
        if (matches.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "no vault " + want);
        }
        if (matches.size() > 1) {
            throw new CliException(
                    ExitCode.USAGE, "several vaults are called " + want + ": use the vault id");
        }
        return matches.get(0);
    }

    private static Role role(String raw) {
        try {
            return Role.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "role must be owner, admin or member");
        }
    }

    private static Permission permission(String raw) {
        try {
            return Permission.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "permission must be read or write");
        }
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return WireJson.mapper().valueToTree(value);
    }
}

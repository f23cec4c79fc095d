package dev.strongroom.server.recovery;

import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.RecoveryVaultItemsResponse;
import dev.strongroom.server.audit.AuditEvent;
import dev.strongroom.server.audit.AuditLog;
import dev.strongroom.server.db.Database;
import dev.strongroom.server.http.Call;
import dev.strongroom.server.http.NotFoundException;
import dev.strongroom.server.http.Principal;
import dev.strongroom.server.http.Routes;
import dev.strongroom.server.http.Routes.Access;
import dev.strongroom.server.teams.TeamApi;
import dev.strongroom.server.vaults.VaultApi;
import dev.strongroom.server.vaults.VaultStore;
import java.util.List;
import java.util.UUID;

/**
 * The items of a vault in a request's scope, for its requester, who usually holds no grant on the
 * vault: the recovered vault key is of no use without the ciphertext it opens. Served from one
 * approval short of the threshold on (not final, expired or under an old policy), so the client
 * checks them while the last approval or the delay is awaited; the vault keys themselves come only
 * with the release. Vaults outside the scope answer 404. Each page carries the vault's signed head
 * from the same snapshot.
 */
final class RecoveredItems {

    static final int MAX_PAGE = 1000;

    private final Database db;
    private final TeamApi teams;

    RecoveredItems(Database db, TeamApi teams) {
        this.db = db;
        this.teams = teams;
    }

    void register(Routes routes, AuditLog audit) {
        routes.get(
                "/api/v1/teams/{teamId}/recovery/requests/{requestId}/vaults/{vaultId}/items",
                Access.AUTHENTICATED,
                RecoveryChecks.audited(
                        audit,
                        "recovery.items_read",
                        call -> {
                            Served served = items(call);
                            RecoveryVaultItemsResponse out = served.page();
                            audit.record(
                                    AuditEvent.of("recovery.items_read", call.actor())
                                            .team(call.pathId("teamId").toString())
                                            .target("vault", out.vaultId().toString())
                                            .detail(
                                                    "request="
                                                            + call.pathId("requestId")
                                                            + " items="
                                                            + out.items().size()
                                                            + " released="
                                                            + served.released())
                                            .build());
                            call.ok(out);
                        }));
    }

    /** A page, and whether the request was released (or the items were read ahead of it). */
    private record Served(RecoveryVaultItemsResponse page, boolean released) {}

    private Served items(Call call) {
        Principal p = call.principal();
        UUID teamId = call.pathId("teamId");
        UUID requestId = call.pathId("requestId");
        UUID vaultId = call.pathId("vaultId");
        Long sinceParam = call.queryLong("since");
        long since = sinceParam == null ? 0 : sinceParam;
        Long limitParam = call.queryLong("limit");
        int limit =
                (int) Math.max(1, Math.min(MAX_PAGE, limitParam == null ? MAX_PAGE : limitParam));
        long now = System.currentTimeMillis();
        return db.read(
                tx -> {
                    RequestStore.Request r =
                            RecoveryReleaseApi.itemsReadable(
                                    tx, teams.stateInTx(tx, teamId), teamId, requestId, p, now);
                    String kind = r.scope().kind();
                    boolean inScope =
                            RecoveryScope.TEAM.equals(kind)
                                    || (RecoveryScope.VAULT.equals(kind)
                                            && r.scope().target().equals(vaultId.toString()));
                    long vaultSeq =
                            tx.queryOne(
                                            "SELECT change_seq FROM vaults WHERE id = ? AND"
                                                    + " team_id = ? AND deleted_at IS NULL",
                                            rs -> rs.getLong(1),
                                            vaultId,
                                            teamId)
                                    .filter(x -> inScope)
                                    .orElseThrow(
                                            () ->
                                                    new NotFoundException(
                                                            "no such vault in the request's"
                                                                    + " scope"));
                    List<ItemResponse> items =
                            VaultStore.currentItems(tx, vaultId, since, limit + 1);
                    boolean more = items.size() > limit;
                    if (more) {
                        items = items.subList(0, limit);
                    }
                    long cursor =
                            more
                                    ? items.get(items.size() - 1).changeSeq()
                                    : Math.max(since, vaultSeq);
                    boolean released =
                            RecoveryRequestView.APPROVED.equals(r.status(now))
                                    && now >= r.notBefore();
                    return new Served(
                            new RecoveryVaultItemsResponse(
                                    vaultId,
                                    cursor,
                                    more,
                                    items,
                                    VaultApi.readHead(tx, vaultId, -1).orElse(null)),
                            released);
                });
    }
}

package dev.strongroom.client.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.AppendLogResponse;
import dev.strongroom.model.wire.ChangesResponse;
import dev.strongroom.model.wire.CreateItemRequest;
import dev.strongroom.model.wire.CreateTeamRequest;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.LogEntriesResponse;
import dev.strongroom.model.wire.TeamListResponse;
import dev.strongroom.model.wire.TeamSummary;
import dev.strongroom.model.wire.UpdateItemRequest;
import dev.strongroom.model.wire.UpdateVaultMetadataRequest;
import dev.strongroom.model.wire.VaultHeadRequest;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.VaultSummary;
import dev.strongroom.model.wire.WireJson;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The team, vault and item calls of the sync protocol over {@link ApiTransport} (kept here rather
 * than in {@code ServerApi}, which holds the account calls). Moves documents only: everything it
 * returns is unverified until {@link SyncEngine} has checked it.
 */
public final class SyncApi {

    private final ApiTransport transport;
    private final Supplier<BearerToken> tokens;

    public SyncApi(ApiTransport transport, BearerToken token) {
        this(transport, () -> token);
    }

    /**
     * Calls with the token {@code tokens} gives at each call: a session unlocked offline has one
     * only once it reaches the server.
     */
    public SyncApi(ApiTransport transport, Supplier<BearerToken> tokens) {
        this.transport = transport;
        this.tokens = tokens;
    }

    private BearerToken token() {
        return tokens.get();
    }

    public TeamListResponse teams() {
        return transport.get("/api/v1/teams", token(), TeamListResponse.class);
    }

    public TeamSummary createTeam(UUID teamId, SignedLogEntry genesis) {
        return transport.post(
                "/api/v1/teams",
                token(),
                new CreateTeamRequest(teamId, genesis),
                201,
                TeamSummary.class);
    }

    public LogEntriesResponse log(String teamId, long after, int limit) {
        return transport.get(
                "/api/v1/teams/"
                        + teamId
                        + "/log?"
                        + (after < 0 ? "" : "after=" + after + "&")
                        + "limit="
                        + limit,
                token(),
                LogEntriesResponse.class);
    }

    public AppendLogResponse append(String teamId, AppendLogRequest request) {
        return transport.post(
                "/api/v1/teams/" + teamId + "/log", token(), request, 200, AppendLogResponse.class);
    }

    /**
     * The server leaves out {@code head} when it did not change; the strict wire mapper needs it
     * present, so an absent head is read as an explicit null.
     */
    public ChangesResponse changes(String vaultId, long since, int limit) {
        String path = "/api/v1/vaults/" + vaultId + "/changes?since=" + since + "&limit=" + limit;
        ObjectNode tree = transport.get(path, token(), ObjectNode.class);
        for (String optional : new String[] {"head", "vault"}) {
            if (!tree.has(optional)) {
                tree.putNull(optional);
            }
        }
        try {
            return WireJson.mapper().treeToValue(tree, ChangesResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's reply to GET " + path + " is not a valid ChangesResponse");
        }
    }

    public VaultSummary vault(String vaultId) {
        return transport.get("/api/v1/vaults/" + vaultId, token(), VaultSummary.class);
    }

    public VaultSummary putMetadata(String vaultId, long expectedRevision, byte[] metadata) {
        return transport.put(
                "/api/v1/vaults/" + vaultId + "/metadata",
                token(),
                new UpdateVaultMetadataRequest(expectedRevision, metadata),
                200,
                VaultSummary.class);
    }

    public ItemResponse createItem(String vaultId, CreateItemRequest request) {
        return transport.post(
                "/api/v1/vaults/" + vaultId + "/items", token(), request, 201, ItemResponse.class);
    }

    public ItemResponse updateItem(String vaultId, String itemId, UpdateItemRequest request) {
        return transport.put(
                "/api/v1/vaults/" + vaultId + "/items/" + itemId,
                token(),
                request,
                200,
                ItemResponse.class);
    }

    public VaultHeadResponse putHead(String vaultId, VaultHeadRequest request) {
        return transport.put(
                "/api/v1/vaults/" + vaultId + "/head",
                token(),
                request,
                200,
                VaultHeadResponse.class);
    }
}

package dev.strongroom.client.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.client.api.MalformedResponseException;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.recovery.RecoveryOldWraps;
import dev.strongroom.model.recovery.SignedRecoveryMessage;
import dev.strongroom.model.wire.ItemResponse;
import dev.strongroom.model.wire.RecoveryAccountResetRequest;
import dev.strongroom.model.wire.RecoveryAccountResetResponse;
import dev.strongroom.model.wire.RecoveryDecisionRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentRequest;
import dev.strongroom.model.wire.RecoveryEnrollmentView;
import dev.strongroom.model.wire.RecoveryOpenRequest;
import dev.strongroom.model.wire.RecoveryPaths;
import dev.strongroom.model.wire.RecoveryPolicyRequest;
import dev.strongroom.model.wire.RecoveryPolicyView;
import dev.strongroom.model.wire.RecoveryReleaseResponse;
import dev.strongroom.model.wire.RecoveryRequestListResponse;
import dev.strongroom.model.wire.RecoveryRequestView;
import dev.strongroom.model.wire.RecoverySealedShare;
import dev.strongroom.model.wire.RecoveryShareResponse;
import dev.strongroom.model.wire.RecoveryVaultItemsResponse;
import dev.strongroom.model.wire.VaultHeadResponse;
import dev.strongroom.model.wire.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The break-glass calls of the sync protocol (paths in shared-model {@code RecoveryPaths}). Moves
 * documents only: everything it returns is checked against the verified log before it is used.
 */
public final class RecoveryApi {

    private final UnlockedSession session;

    public RecoveryApi(UnlockedSession session) {
        this.session = session;
    }

    public RecoveryPolicyView setPolicy(
            String teamId, SignedLogEntry entry, Map<String, byte[]> sealedShares) {
        List<RecoverySealedShare> shares = new ArrayList<>();
        sealedShares.forEach((id, s) -> shares.add(new RecoverySealedShare(id, s)));
        return session.server()
                .transport()
                .post(
                        RecoveryPaths.policy(UUID.fromString(teamId)),
                        session.token(),
                        new RecoveryPolicyRequest(entry, shares),
                        201,
                        RecoveryPolicyView.class);
    }

    public RecoveryPolicyView policy(String teamId) {
        return get(RecoveryPaths.policy(UUID.fromString(teamId)), RecoveryPolicyView.class);
    }

    public RecoveryShareResponse ownShare(String teamId) {
        return get(
                RecoveryPaths.share(UUID.fromString(teamId), session.accountId().toString()),
                RecoveryShareResponse.class);
    }

    public RecoveryEnrollmentView enrol(String teamId, int policyVersion, byte[] wrapped) {
        return session.server()
                .transport()
                .put(
                        RecoveryPaths.enrollment(UUID.fromString(teamId)),
                        session.token(),
                        new RecoveryEnrollmentRequest(policyVersion, wrapped),
                        200,
                        RecoveryEnrollmentView.class);
    }

    public RecoveryRequestView open(String teamId, SignedRecoveryMessage request) {
        return session.server()
                .transport()
                .post(
                        RecoveryPaths.requests(UUID.fromString(teamId)),
                        session.token(),
                        new RecoveryOpenRequest(request),
                        201,
                        RecoveryRequestView.class);
    }

    public List<RecoveryRequestView> requests(String teamId, String status) {
        String path = RecoveryPaths.requests(UUID.fromString(teamId));
        return get(
                        status == null ? path : path + "?status=" + status,
                        RecoveryRequestListResponse.class)
                .requests();
    }

    public RecoveryRequestView request(String teamId, String requestId) {
        return get(
                RecoveryPaths.request(UUID.fromString(teamId), UUID.fromString(requestId)),
                RecoveryRequestView.class);
    }

    public RecoveryRequestView decide(String teamId, String requestId, Decision decision) {
        return session.server()
                .transport()
                .post(
                        RecoveryPaths.decisions(
                                UUID.fromString(teamId), UUID.fromString(requestId)),
                        session.token(),
                        new RecoveryDecisionRequest(decision.signed(), decision.resealedShare()),
                        200,
                        RecoveryRequestView.class);
    }

    /**
     * The server leaves out {@code account} for a vault or team scope; the strict wire mapper needs
     * it present, so an absent one is read as an explicit null.
     */
    public RecoveryReleaseResponse release(String teamId, String requestId) {
        String path = RecoveryPaths.release(UUID.fromString(teamId), UUID.fromString(requestId));
        ObjectNode tree = get(path, ObjectNode.class);
        if (!tree.has("account")) {
            tree.putNull("account");
        }
        try {
            return WireJson.mapper().treeToValue(tree, RecoveryReleaseResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's reply to GET "
                            + path
                            + " is not a valid RecoveryReleaseResponse");
        }
    }

    public SignedRecoveryMessage putOldWraps(
            String teamId, String vaultId, RecoveryOldWraps.Upload upload) {
        return session.server()
                .transport()
                .put(
                        RecoveryOldWraps.upload(teamId, vaultId),
                        session.token(),
                        upload,
                        200,
                        SignedRecoveryMessage.class);
    }

    /** The current policy's announcements of older key versions (verify before use). */
    public List<SignedRecoveryMessage> oldWraps(String teamId) {
        return get(RecoveryOldWraps.listing(teamId), RecoveryOldWraps.Listing.class)
                .announcements();
    }

    /** Every current item revision of a vault in a released request's scope, all pages. */
    public List<ItemResponse> recoveredItems(String teamId, String requestId, String vaultId) {
        return recoveredVault(teamId, requestId, vaultId).items();
    }

    /**
     * A scope vault's items as served, with the signed head of the last page (or null) and where
     * the pages stopped.
     */
    public record ServedVault(List<ItemResponse> items, VaultHeadResponse head, long cursor) {}

    public ServedVault recoveredVault(String teamId, String requestId, String vaultId) {
        return recoveredVault(teamId, requestId, vaultId, 0);
    }

    /** The items changed after {@code since} (a cursor of an earlier read), all pages. */
    public ServedVault recoveredVault(String teamId, String requestId, String vaultId, long since) {
        List<ItemResponse> out = new ArrayList<>();
        String path =
                RecoveryPaths.vaultItems(
                        UUID.fromString(teamId),
                        UUID.fromString(requestId),
                        UUID.fromString(vaultId));
        RecoveryVaultItemsResponse page;
        do {
            page = itemsPage(path + "?since=" + since);
            if (page.hasMore() && page.cursor() <= since) {
                throw new MalformedResponseException("the server's item pages do not advance");
            }
            out.addAll(page.items());
            since = page.cursor();
        } while (page.hasMore());
        return new ServedVault(out, page.head(), since);
    }

    /** The server leaves out an absent head; the strict wire mapper needs it as explicit null. */
    private RecoveryVaultItemsResponse itemsPage(String path) {
        ObjectNode tree = get(path, ObjectNode.class);
        if (!tree.has("head")) {
            tree.putNull("head");
        }
        try {
            return WireJson.mapper().treeToValue(tree, RecoveryVaultItemsResponse.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedResponseException(
                    "the server's reply to GET " + path + " is not a valid item page");
        }
    }

    public RecoveryAccountResetResponse resetAccount(
            String teamId, String requestId, RecoveryAccountResetRequest reset) {
        return session.server()
                .transport()
                .post(
                        RecoveryPaths.accountReset(
                                UUID.fromString(teamId), UUID.fromString(requestId)),
                        session.token(),
                        reset,
                        200,
                        RecoveryAccountResetResponse.class);
    }

    private <T> T get(String path, Class<T> type) {
        return session.server().transport().get(path, session.token(), type);
    }
}

package dev.strongroom.model.wire;

import java.util.UUID;

/**
 * The break-glass recovery endpoints (sync-server package {@code recovery}), all for account
 * sessions of the team's members; a machine token answers 403. Each method names one route.
 */
public final class RecoveryPaths {

    private RecoveryPaths() {}

    /**
     * {@code POST}: a {@link RecoveryPolicyRequest} (set_recovery_policy entry with every sealed
     * share); {@code GET}: the current {@link RecoveryPolicyView}.
     */
    public static String policy(UUID teamId) {
        return "/api/v1/teams/" + teamId + "/recovery/policy";
    }

    /**
     * {@code PUT}: a {@link RecoverySharesUpload} for a policy entry already appended through the
     * log endpoint (once per policy version, by the entry's author).
     */
    public static String shares(UUID teamId) {
        return policy(teamId) + "/shares";
    }

    /**
     * {@code GET}: the caller's own R1-sealed share ({@link RecoveryShareResponse}); others 404.
     */
    public static String share(UUID teamId, String approverId) {
        return policy(teamId) + "/shares/" + approverId;
    }

    /**
     * {@code PUT}: the caller's {@link RecoveryEnrollmentRequest}; {@code GET}: their {@link
     * RecoveryEnrollmentView} (404 when not enrolled under the current policy).
     */
    public static String enrollment(UUID teamId) {
        return "/api/v1/teams/" + teamId + "/recovery/enrollment";
    }

    /**
     * {@code POST}: open a request ({@link RecoveryOpenRequest}, 201 {@link RecoveryRequestView});
     * {@code GET} (optional {@code ?status=pending|approved|denied|vetoed|closed|expired}): {@link
     * RecoveryRequestListResponse}, newest first.
     */
    public static String requests(UUID teamId) {
        return "/api/v1/teams/" + teamId + "/recovery/requests";
    }

    /** {@code GET}: one {@link RecoveryRequestView}. */
    public static String request(UUID teamId, UUID requestId) {
        return requests(teamId) + "/" + requestId;
    }

    /** {@code POST}: an approver's or owner's {@link RecoveryDecisionRequest}. */
    public static String decisions(UUID teamId, UUID requestId) {
        return request(teamId, requestId) + "/decisions";
    }

    /**
     * {@code GET}: for the requester only, once M approvals exist and the delay has passed: {@link
     * RecoveryReleaseResponse}. Before then 409 (withheld), for anyone else 404.
     */
    public static String release(UUID teamId, UUID requestId) {
        return request(teamId, requestId) + "/release";
    }

    /**
     * {@code GET} ({@code ?since=&limit=}): for the requester of a released vault- or team-scope
     * request, the items of a vault in its scope ({@link RecoveryVaultItemsResponse}).
     */
    public static String vaultItems(UUID teamId, UUID requestId, UUID vaultId) {
        return request(teamId, requestId) + "/vaults/" + vaultId + "/items";
    }

    /** {@code POST} (empty JSON object): the requester or an owner closes the request for good. */
    public static String close(UUID teamId, UUID requestId) {
        return request(teamId, requestId) + "/close";
    }

    /**
     * {@code POST}: a {@link RecoveryAccountResetRequest} for a released account-scope request: the
     * member's new credentials, signed with the member's own identity key.
     */
    public static String accountReset(UUID teamId, UUID requestId) {
        return request(teamId, requestId) + "/account-reset";
    }
}

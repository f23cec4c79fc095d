package dev.strongroom.model.recovery;

import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.List;

/**
 * The wire forms of older key versions wrapped to the recovery key: {@code PUT
 * .../recovery/vaults/{vaultId}/old-wraps} carries the signed announcement and its wraps (recipient
 * {@code recovery}); {@code GET .../recovery/old-wraps} lists the current policy's announcements
 * for any member, who checks each with {@link RecoveryVerifier#verifyOldWraps}.
 */
public final class RecoveryOldWraps {

    private RecoveryOldWraps() {}

    public record Upload(SignedRecoveryMessage announcement, List<KeyWrapUpload> wraps) {}

    public record Listing(List<SignedRecoveryMessage> announcements) {}

    public static String upload(String teamId, String vaultId) {
        return "/api/v1/teams/" + teamId + "/recovery/vaults/" + vaultId + "/old-wraps";
    }

    public static String listing(String teamId) {
        return "/api/v1/teams/" + teamId + "/recovery/old-wraps";
    }
}

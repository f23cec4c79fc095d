package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

import dev.strongroom.model.log.SignedLogEntry;
import java.util.List;

/**
 * {@code POST /api/v1/teams/{teamId}/log}: one signed membership-log entry, authored by the caller,
 * with what it needs stored atomically: for create_vault the vault's encrypted metadata and the
 * author's key wrap; for grant_vault the grantee's wrap; for rotate_vault_key every grantee's new
 * wrap and the re-wrapped items. Lists may be empty, never null.
 */
public record AppendLogRequest(
        SignedLogEntry entry,
        byte[] vaultMetadata,
        List<KeyWrapUpload> wraps,
        List<ItemRewrap> items) {
    public AppendLogRequest {
        present(entry, "entry");
        present(wraps, "wraps");
        present(items, "items");
    }
}

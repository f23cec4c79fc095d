package dev.strongroom.model.wire;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/vaults/{vaultId}/keys}: the caller's wraps, every version (never others'). */
public record VaultKeysResponse(UUID vaultId, List<VaultKeyWrap> wraps) {}

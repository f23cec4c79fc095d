package dev.strongroom.model.wire;

import java.util.List;

/** {@code GET /api/v1/vaults}. */
public record VaultListResponse(List<VaultSummary> vaults) {}

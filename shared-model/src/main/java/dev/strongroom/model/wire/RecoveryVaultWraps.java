package dev.strongroom.model.wire;

import java.util.List;
import java.util.UUID;

/** Every stored key version of one vault wrapped to recipient {@code recovery} (V1). */
public record RecoveryVaultWraps(UUID vaultId, List<VaultKeyWrap> wraps) {}

package dev.strongroom.client.team;

import dev.strongroom.client.exposure.ExposureFinding;
import java.util.List;

/**
 * What removing a member did: the vaults whose key was rotated, the vaults still waiting for a
 * rotation (this account cannot write them; a writer or admin with access must run rotate-key), and
 * every item revision the removed member could decrypt, marked for rotation.
 */
public record RemovalReport(
        String teamId,
        String memberId,
        List<String> rotatedVaults,
        List<String> rotationPending,
        List<ExposureFinding> exposure) {}

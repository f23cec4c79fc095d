package dev.strongroom.client.recovery;

import dev.strongroom.crypto.asym.Ed25519;
import dev.strongroom.crypto.common.Canonical;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.log.TeamState;

/**
 * What binds a kit to its making: the HPKE info of the sealed payload (R4) names the team, policy
 * version, exporter, time and the head of the log the exporter verified; the exporter's Ed25519
 * signature (R5) covers that info and the SHA-256 of the sealed payload. The signature is checked
 * before any share is used, so a kit altered after export, carrying another log than the one it was
 * made with, or not made by a member of the team at its log head is refused with no word typed in
 * vain; the info binding refuses the same inside the payload's AEAD.
 */
final class KitSeal {

    private KitSeal() {}

    /** R4: the payload's HPKE info. */
    static byte[] info(
            String teamId, int policyVersion, String exporterId, long createdAt, TeamState head) {
        return Canonical.of("strongroom/v2/recovery-kit")
                .add(teamId)
                .add(policyVersion)
                .add(exporterId)
                .add(createdAt)
                .add(head.seq())
                .add(head.headHash())
                .toBytes();
    }

    static byte[] sign(IdentityKeys exporter, byte[] info, byte[] sealedPayload) {
        return exporter.sign(input(info, sealedPayload));
    }

    /**
     * @throws RecoveryException if the signature is not the exporter's over this info and payload
     */
    static void verify(PublicBundle exporter, byte[] info, byte[] sealedPayload, byte[] signature) {
        if (!Ed25519.isValid(exporter.signingKey(), input(info, sealedPayload), signature)) {
            throw new RecoveryException(
                    "the kit's signature does not verify: it was altered after export or not made"
                            + " by the exporter it names");
        }
    }

    /** R5: the exporter's signature input. */
    private static byte[] input(byte[] info, byte[] sealedPayload) {
        return Canonical.of("strongroom/v2/recovery-kit-signature")
                .add(info)
                .add(Sha256.hash(sealedPayload))
                .toBytes();
    }
}

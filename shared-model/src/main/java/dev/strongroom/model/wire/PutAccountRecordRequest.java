package dev.strongroom.model.wire;

import static dev.strongroom.model.wire.Require.present;

/**
 * {@code PUT /api/v1/account/records/{kind}}: replaces the caller's record of that kind if it is
 * still at {@code expectedVersion} (0 for none yet), so two devices writing at once do not lose
 * each other's update: the loser gets 409, reads, merges and writes again.
 */
public record PutAccountRecordRequest(byte[] record, Long expectedVersion) {
    public PutAccountRecordRequest {
        present(record, "record");
        present(expectedVersion, "expectedVersion");
    }
}

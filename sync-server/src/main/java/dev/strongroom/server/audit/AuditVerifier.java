package dev.strongroom.server.audit;

import dev.strongroom.crypto.common.ConstantTime;
import java.util.HexFormat;

/** Walks a chain in seq order and remembers the first break. */
final class AuditVerifier {

    static final byte[] GENESIS = new byte[32];

    private long expectedSeq = 1;
    private byte[] prevHash = GENESIS;
    private long checked;
    private String problem;
    private long firstBadSeq = -1;

    void accept(ChainedEvent e) {
        checked++;
        if (problem != null) {
            return;
        }
        if (e.seq() != expectedSeq) {
            fail(
                    e.seq(),
                    "event "
                            + e.seq()
                            + " found where "
                            + expectedSeq
                            + " was expected (an event was deleted or renumbered)");
            return;
        }
        if (!ConstantTime.equals(e.prevHash(), prevHash)) {
            fail(e.seq(), "event " + e.seq() + " does not link to the previous event");
            return;
        }
        if (!ConstantTime.equals(e.eventHash(), e.expectedHash())) {
            fail(e.seq(), "event " + e.seq() + " was altered (hash does not match its content)");
            return;
        }
        prevHash = e.eventHash();
        expectedSeq++;
    }

    private void fail(long seq, String message) {
        problem = message;
        firstBadSeq = seq;
    }

    AuditVerification finish(long headSeq, byte[] headHash) {
        long last = expectedSeq - 1;
        if (problem == null && headHash == null) {
            fail(-1, "audit head row is missing");
        } else if (problem == null
                && (headSeq != last || !ConstantTime.equals(headHash, prevHash))) {
            fail(
                    last + 1,
                    "the chain ends at event "
                            + last
                            + " but the head records event "
                            + headSeq
                            + " (events were deleted from the end)");
        }
        return new AuditVerification(
                problem == null,
                checked,
                last,
                HexFormat.of().formatHex(prevHash),
                problem,
                firstBadSeq);
    }
}

package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.PendingRequest;
import dev.strongroom.model.wire.RecoveryRequestView;

/** A request in the approvals inbox, with what this account may do about it. */
record Waiting(
        String teamId,
        String teamName,
        PendingRequest request,
        boolean mayDecide,
        boolean mayVeto) {

    /** Pending, and this account may decide but has not yet. */
    boolean needsMe() {
        return mayDecide && undecided() && RecoveryRequestView.PENDING.equals(request.status());
    }

    /** An owner may veto, unless this owner already decided on the request. */
    boolean vetoOpen() {
        return mayVeto && undecided();
    }

    boolean undecided() {
        return request.myDecision() == null;
    }
}

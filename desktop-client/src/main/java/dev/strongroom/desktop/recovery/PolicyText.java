package dev.strongroom.desktop.recovery;

import dev.strongroom.client.recovery.RecoveryStatus;
import dev.strongroom.client.recovery.RekeyReport;

/** The setup tab's sentences: a policy, and what a re-key did. */
final class PolicyText {

    private PolicyText() {}

    static String describe(RecoveryStatus s) {
        return "Policy version "
                + s.policyVersion()
                + ": "
                + s.threshold()
                + " of "
                + s.approverEmails().size()
                + " approvers ("
                + String.join(", ", s.approverEmails())
                + "), "
                + s.delayHours()
                + " h delay"
                + (s.ownerVeto() ? ", owners may veto" : "")
                + (s.vaultsNotCovered().isEmpty()
                        ? ""
                        : ". " + s.vaultsNotCovered().size() + " vault(s) not yet covered");
    }

    static String rekeyed(RekeyReport report) {
        return "Re-keyed: recovery policy version "
                + report.policyVersion()
                + ", "
                + report.rotated().size()
                + " opened vault key(s) rotated"
                + (report.pending().isEmpty()
                        ? "."
                        : "; "
                                + report.pending().size()
                                + " vault(s) you cannot rotate: ask an owner who holds them.");
    }
}

package dev.strongroom.client.recovery;

import java.util.List;

/**
 * A team's recovery policy as this device's verified log has it, with what the server reports about
 * stored shares and enrolments, and which vaults are not yet wrapped to the current key.
 */
public record RecoveryStatus(
        String teamId,
        int policyVersion,
        List<String> approverEmails,
        int threshold,
        int delayHours,
        boolean ownerVeto,
        boolean sharesStored,
        List<String> enrolledEmails,
        List<String> vaultsNotCovered) {}

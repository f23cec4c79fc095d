package dev.strongroom.client.recovery;

import java.util.List;

/**
 * After a recovery: the new policy version (new key, new split, every vault re-wrapped), the vaults
 * whose keys were opened and are now rotated, those this account could not rotate, and the members
 * who were enrolled for account recovery and must enrol again (their account keys are theirs to
 * wrap: nobody else can move them to the new key).
 */
public record RekeyReport(
        int policyVersion,
        List<String> rotated,
        List<String> pending,
        List<String> reenrolmentDueEmails) {}

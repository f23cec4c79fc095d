package dev.strongroom.client.recovery;

import java.util.List;

/**
 * After a recovery: the new policy version (new key, new split, every vault re-wrapped), the vaults
 * whose keys were opened and are now rotated, and those this account could not rotate.
 */
public record RekeyReport(int policyVersion, List<String> rotated, List<String> pending) {}

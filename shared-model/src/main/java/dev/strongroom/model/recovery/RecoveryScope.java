package dev.strongroom.model.recovery;

import java.util.Set;

/**
 * What a break-glass request may open: one vault ({@code target} = vault id), one member's account
 * ({@code target} = account id, for forgotten-password recovery) or the whole team ({@code target}
 * = team id).
 */
public record RecoveryScope(String kind, String target) {

    public static final String VAULT = "vault";
    public static final String ACCOUNT = "account";
    public static final String TEAM = "team";
    private static final Set<String> KINDS = Set.of(VAULT, ACCOUNT, TEAM);

    public RecoveryScope {
        if (kind == null || !KINDS.contains(kind) || target == null || target.isEmpty()) {
            throw new IllegalArgumentException(
                    "a recovery scope is vault, account or team, with a target");
        }
    }
}

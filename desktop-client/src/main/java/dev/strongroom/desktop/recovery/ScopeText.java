package dev.strongroom.desktop.recovery;

import dev.strongroom.model.recovery.RecoveryScope;

/** A request's scope in words. */
final class ScopeText {

    private ScopeText() {}

    static String of(RecoveryScope scope) {
        return switch (scope.kind()) {
            case RecoveryScope.VAULT -> "one vault";
            case RecoveryScope.ACCOUNT -> "a member's account (new password)";
            default -> "every vault";
        };
    }
}

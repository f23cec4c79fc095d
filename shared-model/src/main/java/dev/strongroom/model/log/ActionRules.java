package dev.strongroom.model.log;

import dev.strongroom.crypto.api.CryptoException;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.identity.PublicBundleJson;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may do what, and what it changes. Owners manage everyone; admins manage admins and members,
 * vaults, grants and machine accounts; members may leave and rotate keys of vaults they can write;
 * only owners set the recovery policy. The last owner can neither leave nor be demoted.
 */
final class ActionRules {

    static final String RECOVERY_GRANTEE = "recovery";

    private ActionRules() {}

    static void apply(TeamState state, TeamState.Member author, LogEntryBody body) {
        LogAction action = body.action();
        if (action instanceof LogAction.AddMember a) {
            MemberRules.add(state, author, body, a);
        } else if (action instanceof LogAction.ChangeRole c) {
            MemberRules.changeRole(state, author, body, c);
        } else if (action instanceof LogAction.RemoveMember r) {
            MemberRules.remove(state, author, body, r);
        } else if (action instanceof LogAction.CreateVault v) {
            VaultRules.create(state, author, body, v);
        } else if (action instanceof LogAction.GrantVault g) {
            VaultRules.grant(state, author, body, g);
        } else if (action instanceof LogAction.RevokeVault r) {
            VaultRules.revoke(state, author, body, r);
        } else if (action instanceof LogAction.DeleteVault d) {
            VaultRules.delete(state, author, body, d);
        } else if (action instanceof LogAction.RotateVaultKey r) {
            VaultRules.rotate(state, author, body, r);
        } else if (action instanceof LogAction.SetRecoveryPolicy p) {
            RecoveryRules.set(state, author, body, p);
        } else if (action instanceof LogAction.AddMachine m) {
            MemberRules.addMachine(state, author, body, m);
        } else if (action instanceof LogAction.RemoveMachine m) {
            MemberRules.removeMachine(state, author, body, m);
        } else if (action instanceof LogAction.RenameTeam r) {
            NameRules.rename(state, author, body, r);
        } else {
            deny(body, "the team already exists");
        }
    }

    static void requireAdmin(TeamState.Member author, LogEntryBody body) {
        if (author.role() == Role.MEMBER) {
            deny(body, "only owners and admins may do this");
        }
    }

    static PublicBundle verifiedBundle(PublicBundleJson json) {
        try {
            return json.toUnverified().verifySelfSignature();
        } catch (CryptoException | NullPointerException e) {
            throw new LogVerificationException(
                    "bad_bundle", "a public bundle in the log does not verify");
        }
    }

    static void requireDigest(LogEntryBody body, String digest) {
        if (digest == null || TeamLogVerifier.decode(digest).length != 32) {
            deny(body, "a wrap digest must be 32 bytes");
        }
    }

    static void requireDistinct(LogEntryBody body, Iterable<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !seen.add(id)) {
                deny(body, "ids must be present and distinct");
            }
        }
    }

    static void deny(LogEntryBody body, String why) {
        throw new LogVerificationException(
                "not_permitted", "entry " + body.seq() + " refused: " + why);
    }
}

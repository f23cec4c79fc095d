package dev.strongroom.client.adversary;

import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.keys.VaultKey;
import dev.strongroom.crypto.keys.VaultKeyWrap;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import dev.strongroom.model.log.LogAction;
import dev.strongroom.model.log.LogEntryBody;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.KeyWrapUpload;
import java.util.List;

/**
 * Membership-log entries built from the shared-model types and signed with a member's identity
 * keys, appended through the real server (honest changes) or only signed (forgeries a malicious
 * server injects). Stands in for the team/invite flows another engineer is building.
 */
final class TeamLog {

    private TeamLog() {}

    /** A signed entry following {@code state}, authored by {@code authorId} with {@code key}. */
    static SignedLogEntry next(
            TeamState state, String authorId, IdentityKeys key, LogAction action) {
        return at(state.teamId(), state.seq() + 1, state.headHash(), authorId, key, action);
    }

    static SignedLogEntry at(
            String teamId,
            long seq,
            byte[] prevHash,
            String authorId,
            IdentityKeys key,
            LogAction action) {
        return SignedLogEntry.sign(
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        seq,
                        Base64Url.encode(prevHash),
                        authorId,
                        System.currentTimeMillis(),
                        action),
                key);
    }

    /** Appends an entry by {@code author} through the real server, then lets them sync. */
    static void append(Device author, String teamId, LogAction action, List<KeyWrapUpload> wraps) {
        author.engine.pull();
        TeamState state = author.engine.team(teamId).orElseThrow();
        author.engine
                .api()
                .append(
                        teamId,
                        new AppendLogRequest(
                                next(state, author.id(), author.session.identity(), action),
                                null,
                                wraps,
                                List.of()));
        author.engine.pull();
    }

    static void addMember(Device owner, String teamId, PublicBundle member, Role role) {
        owner.engine.pull();
        TeamState s = owner.engine.team(teamId).orElseThrow();
        String sealed =
                dev.strongroom.model.log.TeamNames.seal(
                        teamId,
                        s.nameVersion(),
                        member.accountId(),
                        member.encryptionKey(),
                        owner.session.identity(),
                        s.name(owner.id(), owner.session.identity()));
        append(
                owner,
                teamId,
                new LogAction.AddMember(PublicBundleJson.of(member), role, "fingerprint", sealed),
                List.of());
    }

    /** Wraps the vault's current key to {@code grantee} and appends the grant with its wrap. */
    static void grant(
            Device admin, String teamId, String vaultId, PublicBundle grantee, Permission p) {
        admin.engine.pull();
        VaultKey key = admin.engine.currentVaultKey(vaultId);
        byte[] wrap = wrap(key, teamId, vaultId, grantee, admin.session.identity());
        append(
                admin,
                teamId,
                new LogAction.GrantVault(
                        vaultId, grantee.accountId(), p, Base64Url.encode(Sha256.hash(wrap))),
                List.of(new KeyWrapUpload(key.version(), grantee.accountId(), wrap)));
    }

    static byte[] wrap(
            VaultKey key, String teamId, String vaultId, PublicBundle to, IdentityKeys from) {
        return VaultKeyWrap.seal(
                key,
                new VaultKeyWrap.Binding(
                        teamId, vaultId, key.version(), to.accountId(), to.encryptionKey()),
                from);
    }

    static LogAction.ChangeRole role(String memberId, Role role) {
        return new LogAction.ChangeRole(memberId, role);
    }
}

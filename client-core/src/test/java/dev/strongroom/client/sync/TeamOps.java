package dev.strongroom.client.sync;

import dev.strongroom.client.session.UnlockedSession;
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
 * Membership changes for tests, signed by hand the way a team front end would (TeamService is
 * another package's job): add a member, grant, revoke, remove, delete a vault. Each pulls first so
 * it appends on top of the verified log, and pulls after.
 */
final class TeamOps {

    private final SyncEngine engine;
    private final UnlockedSession session;

    TeamOps(SyncEngine engine) {
        this.engine = engine;
        this.session = engine.session();
    }

    void addMember(String teamId, PublicBundle member, Role role) {
        engine.pull();
        TeamState s = engine.team(teamId).orElseThrow();
        String me = session.accountId().toString();
        String sealed =
                dev.strongroom.model.log.TeamNames.seal(
                        teamId,
                        s.nameVersion(),
                        member.accountId(),
                        member.encryptionKey(),
                        session.identity(),
                        s.name(me, session.identity()));
        append(
                teamId,
                new LogAction.AddMember(PublicBundleJson.of(member), role, "fingerprint", sealed),
                List.of());
    }

    /**
     * Adds a member and lets their device join the team (pins the genesis this owner verified, as
     * {@code TeamService.join} does after the member checked who added them); they sync it next.
     */
    void addMember(String teamId, SyncEngine member, Role role) {
        addMember(teamId, member.session().publicBundle(), role);
        member.joins().join(teamId, engine.team(teamId).orElseThrow().genesisHash(), "joined");
    }

    void grant(String teamId, String vaultId, PublicBundle grantee, Permission permission) {
        engine.pull();
        VaultKey key = engine.currentVaultKey(vaultId);
        byte[] wrap =
                VaultKeyWrap.seal(
                        key,
                        new VaultKeyWrap.Binding(
                                teamId,
                                vaultId,
                                key.version(),
                                grantee.accountId(),
                                grantee.encryptionKey()),
                        session.identity());
        append(
                teamId,
                new LogAction.GrantVault(
                        vaultId,
                        grantee.accountId(),
                        permission,
                        Base64Url.encode(Sha256.hash(wrap))),
                List.of(new KeyWrapUpload(key.version(), grantee.accountId(), wrap)));
    }

    void revoke(String teamId, String vaultId, String granteeId) {
        append(teamId, new LogAction.RevokeVault(vaultId, granteeId), List.of());
    }

    void remove(String teamId, String memberId) {
        append(teamId, new LogAction.RemoveMember(memberId), List.of());
    }

    void deleteVault(String teamId, String vaultId) {
        append(teamId, new LogAction.DeleteVault(vaultId), List.of());
    }

    private void append(String teamId, LogAction action, List<KeyWrapUpload> wraps) {
        engine.pull();
        TeamState state = engine.team(teamId).orElseThrow();
        LogEntryBody body =
                new LogEntryBody(
                        LogEntryBody.FORMAT,
                        teamId,
                        state.seq() + 1,
                        Base64Url.encode(state.headHash()),
                        session.accountId().toString(),
                        System.currentTimeMillis(),
                        action);
        engine.api()
                .append(
                        teamId,
                        new AppendLogRequest(
                                SignedLogEntry.sign(body, session.identity()),
                                null,
                                wraps,
                                List.of()));
        engine.pull();
    }
}

package dev.strongroom.client.recovery;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.log.SignedLogEntry;
import dev.strongroom.model.wire.AppendLogRequest;
import dev.strongroom.model.wire.ItemResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One team on a real server: an owner (alice) with two vaults of items, five approvers who are
 * verified members, and a requester (zed) without vault access. The policy entry and the recovery
 * grants go through the real log endpoint; sealed shares, requests and decisions are handed over in
 * process.
 */
final class RecoveryWorld implements AutoCloseable {

    final Device owner;
    final List<Device> approvers = new ArrayList<>();
    final Device requester;
    final String team;
    final String prod;
    final String staging;
    PolicyDraft draft;
    Map<String, byte[]> recoveryWraps;

    RecoveryWorld(ServerEndpoint endpoint, Path dir) {
        owner = device(endpoint, dir, "alice");
        for (String n : List.of("bob", "carol", "dave", "erin", "frank")) {
            approvers.add(device(endpoint, dir, n));
        }
        requester = device(endpoint, dir, "zed");
        team = owner.teams.createTeam("Platform");
        prod = owner.vaults.createVault(team, "prod").vaultId();
        staging = owner.vaults.createVault(team, "staging").vaultId();
        owner.vaults.add(prod, TeamFixture.apiKey("db", "prod-db-secret"));
        owner.vaults.add(prod, TeamFixture.apiKey("deploy", "prod-deploy-secret"));
        owner.vaults.add(staging, TeamFixture.apiKey("ci", "staging-ci-secret"));
        owner.vaults.sync();
        List<Device> members = new ArrayList<>(approvers);
        members.add(requester);
        for (Device d : members) {
            owner.teams.verify(d.email, d.teams.myFingerprint().digits());
            owner.teams.addMember(team, d.email, Role.MEMBER);
        }
        for (Device d : members) {
            TeamFixture.join(d, owner, team); // gap 3: a member joins before syncing the team
            d.engine.pull();
        }
    }

    /** Sets a policy over the given approvers, appends it and grants every vault to it. */
    void setPolicy(List<Device> who, int m, boolean veto) {
        owner.engine.pull();
        List<PublicBundle> bundles = new ArrayList<>();
        for (Device d : who) {
            bundles.add(owner.teams.verifiedMember(team, d.id));
        }
        draft =
                RecoverySetup.draft(
                        owner.engine.team(team).orElseThrow(),
                        owner.session.identity(),
                        bundles,
                        m,
                        0,
                        veto);
        SignedLogEntry entry = PolicyEntries.sign(owner.engine, team, draft);
        owner.engine.api().append(team, new AppendLogRequest(entry, null, List.of(), List.of()));
        recoveryWraps = RecoveryGrants.grantAll(owner.engine, team);
        for (Device d : approvers) {
            d.engine.pull();
        }
        requester.engine.pull();
    }

    RecoveryLog log(Device d) {
        d.engine.pull();
        return RecoveryLog.verify(d.cache.logEntries(team));
    }

    /** The vault's ciphertext as the owner's device holds it, with its wrap to the recovery key. */
    VaultMaterial material(String vaultId) {
        List<ItemResponse> items = new ArrayList<>();
        owner.cache.items(vaultId).forEach(i -> items.add(KitVaults.response(i)));
        int version = owner.engine.team(team).orElseThrow().vaults().get(vaultId).keyVersion();
        return new VaultMaterial(vaultId, version, recoveryWraps.get(vaultId), items);
    }

    Decision approve(Device approver, OpenRequest request) {
        return Approvals.approve(
                log(approver),
                request.signed(),
                approver.id,
                approver.session.identity(),
                draft.sealedShares().get(approver.id));
    }

    private static Device device(ServerEndpoint endpoint, Path dir, String name) {
        String email = TeamFixture.register(endpoint, name);
        return new Device(endpoint, email, dir.resolve(name));
    }

    @Override
    public void close() {
        owner.close();
        approvers.forEach(Device::close);
        requester.close();
    }
}

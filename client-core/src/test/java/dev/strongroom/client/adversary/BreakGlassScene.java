package dev.strongroom.client.adversary;

import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.RecoveryService;
import dev.strongroom.client.team.TeamFixture;
import dev.strongroom.client.team.TeamFixture.Device;
import dev.strongroom.model.log.Role;
import dev.strongroom.model.recovery.RecoveryScope;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scene the break-glass attacks share (RecoveryAttackTest, RecoveredItemsAttackTest): a real
 * sync server and the malicious proxy in front of it; alice owns team "Acme" and its vault "prod";
 * bob and carol talk to the server directly and, with alice, are the approvers of a 2-of-3 recovery
 * policy; zed, a member without access to "prod", talks only through the proxy and asks to open it.
 * What each test puts in the vault, and which other people or devices it needs, stay in the test.
 */
final class BreakGlassScene implements AutoCloseable {

    final MaliciousServer proxy;
    final Device alice;
    final Device bob;
    final Device carol;
    final Device zed;
    final String team;
    final String vault;
    private final Path dir;
    private final StrongroomServer server;
    private final ServerEndpoint direct;
    private final List<AutoCloseable> open = new ArrayList<>();
    private BreakGlass zedGlass;

    /** Starts the server and proxy, registers the four, and alice creates the team and vault. */
    BreakGlassScene(Path dir) throws Exception {
        this.dir = dir;
        server = TestServers.start(dir.resolve("server"));
        open.add(server);
        try {
            direct = TestServers.endpoint(server);
            proxy = new MaliciousServer(direct);
            open.add(proxy);
            alice = person("alice");
            bob = person("bob");
            carol = person("carol");
            zed = throughProxy(TeamFixture.register(direct, "zed"), "zed");
            team = alice.teams.createTeam("Acme");
            vault = alice.vaults.createVault(team, "prod").vaultId();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Another person, registered now, whose device talks to the server directly. */
    Device person(String name) {
        return keep(new Device(direct, TeamFixture.register(direct, name), dir.resolve(name)));
    }

    /** A device of an existing account that talks only through the proxy. */
    Device throughProxy(String email, String dirName) {
        return keep(new Device(proxy.endpoint(), email, dir.resolve(dirName)));
    }

    /**
     * alice verifies and adds bob, carol, each of {@code others} (as members) and zed (as {@code
     * zedRole}); then each of them and each of {@code moreDevices} joins (gap 3: members join
     * before syncing); then alice sets the 2-of-3 policy over herself, bob and carol.
     */
    void teamUpWithPolicy(Role zedRole, List<Device> others, List<Device> moreDevices) {
        List<Device> members = new ArrayList<>(List.of(bob, carol));
        members.addAll(others);
        members.add(zed);
        for (Device d : members) {
            alice.teams.verify(d.email, d.teams.myFingerprint().digits());
            alice.teams.addMember(team, d.email, d == zed ? zedRole : Role.MEMBER);
        }
        members.addAll(moreDevices);
        for (Device d : members) {
            TeamFixture.join(d, alice, team);
        }
        new RecoveryService(alice.vaults, alice.engine, alice.teams)
                .setup(team, List.of(alice.id, bob.id, carol.id), 2, 0, false);
    }

    /** zed asks to open the vault; returns the request id. */
    String zedRequestsTheVault(String reason) {
        return zedGlass().request(team, new RecoveryScope(RecoveryScope.VAULT, vault), reason);
    }

    /** bob and carol approve: the request has its two approvals. */
    void approvedByBobAndCarol(String request) {
        glass(bob).approve(team, request);
        glass(carol).approve(team, request);
    }

    /** zed's break-glass client (one for the whole test, as a person's app keeps one). */
    BreakGlass zedGlass() {
        if (zedGlass == null) {
            zedGlass = glass(zed);
        }
        return zedGlass;
    }

    BreakGlass glass(Device d) {
        return new BreakGlass(
                new RecoveryService(d.vaults, d.engine, d.teams),
                d.engine,
                dir.resolve("state-" + d.id));
    }

    private Device keep(Device d) {
        open.add(d);
        return d;
    }

    /** Devices first, then the proxy, then the server (the reverse of their opening). */
    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}

package dev.strongroom.client.adversary;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TestServers;
import dev.strongroom.client.item.ItemSamples;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.crypto.kdf.KdfParams;
import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.Role;
import dev.strongroom.server.StrongroomServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scene every attack class shares: a real sync server, the malicious proxy in front of it, and
 * team "Acme" (owner alice; bob a member with write access to vaults Shared and Ops; carol a member
 * reading Shared), with two items in Shared and one in Ops. Each member's honest device ({@link
 * #alice}, {@link #bob}, {@link #carol}) talks to the server directly; {@link #victim} devices talk
 * through the proxy.
 */
final class World implements AutoCloseable {

    /** At the floors (as the other client tests use): the cheapest parameters a client accepts. */
    static final KdfParams KDF = new Argon2idParams(19456, 2, 1);

    final StrongroomServer server;
    final MaliciousServer proxy;
    final ServerEndpoint direct;
    final Path dir;
    final String aliceEmail = email("alice");
    final String bobEmail = email("bob");
    final String carolEmail = email("carol");
    final Device alice;
    final Device bob;
    final Device carol;
    final String teamId;
    final String shared;
    final String ops;
    final String itemA;
    final String itemB;
    final String itemC;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, Device> victims = new HashMap<>();
    private final Map<String, Device> fresh = new HashMap<>();

    World(Path dir) throws Exception {
        this.dir = dir;
        server = TestServers.start(dir.resolve("server"));
        open.add(server);
        direct = TestServers.endpoint(server);
        proxy = new MaliciousServer(direct);
        open.add(proxy);
        for (String e : List.of(aliceEmail, bobEmail, carolEmail)) {
            new AccountService(KdfPinStore.inMemory())
                    .register(ServerApi.connect(direct), e, password(e), KDF);
        }
        alice = device(direct, aliceEmail, "alice");
        carol = device(direct, carolEmail, "carol");
        teamId = alice.vaults.createTeam("Acme");
        shared = alice.vaults.createVault(teamId, "Shared").vaultId();
        ops = alice.vaults.createVault(teamId, "Ops").vaultId();
        bob = device(direct, bobEmail, "bob");
        {
            TeamLog.addMember(alice, teamId, bob.session.publicBundle(), Role.MEMBER);
            TeamLog.addMember(alice, teamId, carol.session.publicBundle(), Role.MEMBER);
            TeamLog.grant(alice, teamId, shared, bob.session.publicBundle(), Permission.WRITE);
            TeamLog.grant(alice, teamId, ops, bob.session.publicBundle(), Permission.WRITE);
            TeamLog.grant(alice, teamId, shared, carol.session.publicBundle(), Permission.READ);
        }
        itemA = alice.vaults.add(shared, ItemSamples.item(ItemType.LOGIN));
        itemB = alice.vaults.add(shared, ItemSamples.item(ItemType.API_KEY));
        itemC = alice.vaults.add(ops, ItemSamples.item(ItemType.SECURE_NOTE));
        joinAcme(carol);
        joinAcme(bob);
        carol.engine.pull();
        bob.engine.pull();
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    static char[] password(String email) {
        return ("master password of " + email).toCharArray();
    }

    /** A new device of an account, with its own cache directory, talking to {@code endpoint}. */
    Device device(ServerEndpoint endpoint, String email, String name) {
        Device d =
                new Device(
                        endpoint,
                        email,
                        password(email),
                        dir.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 6)));
        open.add(d);
        return d;
    }

    /**
     * A member's device joins Acme as a person would after alice added them by fingerprint: it
     * checks alice's fingerprint, then joins (gap 3: a team is never synced without that).
     */
    void joinAcme(Device d) {
        if (!d.session.email().equals(aliceEmail)) {
            d.join(teamId, aliceEmail, alice.session.publicBundle());
        }
    }

    /**
     * The account's device behind the malicious proxy, synced with the honest answers. One per
     * account and class: every refused attack leaves its cache as it was, so it can take the next.
     */
    Device victim(String email) {
        Device d = victims.get(email);
        if (d == null) {
            d = device(proxy.endpoint(), email, "victim");
            joinAcme(d);
            victims.put(email, d);
        }
        d.engine.pull();
        return d;
    }

    /** A device behind the proxy that has never synced (its first pull sees every item). */
    Device fresh(String email) {
        Device d = fresh.get(email);
        if (d == null || !d.cache.teamPins().isEmpty()) {
            d = device(proxy.endpoint(), email, "fresh");
            joinAcme(d);
            fresh.put(email, d);
        }
        return d;
    }

    String vaultPath(String vaultId) {
        return "/api/v1/vaults/" + vaultId + "/changes";
    }

    String logPath() {
        return "/api/v1/teams/" + teamId + "/log";
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}

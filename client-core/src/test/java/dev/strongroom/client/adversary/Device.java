package dev.strongroom.client.adversary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.alert.SecurityAlert;
import dev.strongroom.client.alert.SecurityAlertCode;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.CachedItem;
import dev.strongroom.client.cache.CachedVault;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.cache.TeamPin;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One logged-in device of one account: its session, its own SQLite cache, sync engine and vault
 * service, talking to whatever endpoint it was given (the real server or the malicious proxy).
 * {@link #refuses} is the assertion every attack test makes.
 */
final class Device implements AutoCloseable {

    /** What a device holds: the cache files byte for byte, and a readable summary of its pins. */
    record Snapshot(String fileDigest, String pins) {}

    final UnlockedSession session;
    final LocalCache cache;
    final SyncEngine engine;
    final VaultService vaults;
    final Path dir;
    final KdfPinStore kdfPins = KdfPinStore.inMemory();

    Device(ServerEndpoint endpoint, String email, char[] password, Path dir) {
        this.dir = dir;
        session =
                new AccountService(kdfPins)
                        .login(ServerApi.connect(endpoint), email, password.clone(), "device");
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            cache =
                    LocalCache.open(
                            dir.resolve("cache.db"),
                            key,
                            new CacheProfile(session.accountId().toString(), "adversary"));
        }
        engine = new SyncEngine(session, cache);
        vaults = new VaultService(engine);
    }

    /**
     * Joins a team the way a person does after being added by fingerprint: verifies the adder's
     * fingerprint (read from their genuine bundle, as if over the phone) and joins. Syncs nothing.
     */
    void join(String teamId, String adderEmail, PublicBundle adder) {
        try (TeamService teams = new TeamService(vaults, engine, dir)) {
            teams.verify(adderEmail, adder.fingerprint().digits());
            teams.join(teamId);
        }
    }

    String id() {
        return session.accountId().toString();
    }

    Snapshot snapshot() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().endsWith("-shm")) {
                    md.update(p.getFileName().toString().getBytes());
                    md.update(Files.readAllBytes(p));
                }
            }
        }
        TreeSet<String> pins = new TreeSet<>();
        for (TeamPin t : cache.teamPins()) {
            pins.add("team " + t.teamId() + " @" + t.lastSeq());
        }
        for (CachedVault v : cache.vaults()) {
            pins.add(
                    "metadata "
                            + v.vaultId()
                            + " "
                            + HexFormat.of().formatHex(Sha256.hash(v.metadata())));
            cache.vaultHead(v.vaultId())
                    .ifPresent(h -> pins.add("head " + v.vaultId() + " #" + h.head().counter()));
            pins.add("cursor " + v.vaultId() + " " + cache.cursor(v.vaultId()));
            for (CachedItem i : cache.items(v.vaultId())) {
                pins.add("item " + v.vaultId() + "/" + i.itemId() + " r" + i.revisionNumber());
            }
            pins.add("wraps " + v.vaultId() + " " + cache.keyWraps(v.vaultId()).size());
        }
        cache.kdfPin().ifPresent(k -> pins.add("kdf " + k));
        return new Snapshot(HexFormat.of().formatHex(md.digest()), String.join("\n", pins));
    }

    /**
     * Runs {@code action} (a pull, a login...) and asserts the attack was refused: a security alert
     * with {@code code}, and the cache (files and pins) exactly as before.
     */
    SecurityAlert refuses(SecurityAlertCode code, ThrowingCallable action) throws Exception {
        Snapshot before = snapshot();
        SecurityAlert alert = catchThrowableOfType(action, SecurityAlert.class);
        assertThat(alert).as("a security alert " + code).isNotNull();
        assertThat(alert.code()).as(alert.getMessage()).isEqualTo(code);
        Snapshot after = snapshot();
        assertThat(after.pins()).isEqualTo(before.pins());
        assertThat(after.fileDigest()).as("cache files unchanged").isEqualTo(before.fileDigest());
        return alert;
    }

    /** As {@link #refuses} for the most common action, a pull. */
    SecurityAlert pullRefused(SecurityAlertCode code) throws Exception {
        return refuses(code, engine::pull);
    }

    @Override
    public void close() {
        engine.close();
        cache.close();
        session.close();
    }
}

import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Bench helper: logs in to an existing account (password on stdin) and adds N login items through
 * client-core, spread over V vaults, as a loader device of its own (temporary cache). Writes the
 * same entries as KeePass XML for keepassxc-cli import, so both tools list the same items.
 *
 * <p>Several vaults because each accepted write re-seals its vault's head over every item of the
 * vault, so loading one vault of N items one write at a time costs O(N^2).
 *
 * <p>java -cp cli/target/strongroom-cli.jar bench/cli/Load.java URL EMAIL N V XML_OUT
 */
public class Load {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String email = args[1];
        int n = Integer.parseInt(args[2]);
        int vaultCount = Integer.parseInt(args[3]);
        Path xml = Path.of(args[4]);
        char[] password = new String(System.in.readAllBytes()).strip().toCharArray();
        UnlockedSession session =
                new AccountService(KdfPinStore.inMemory())
                        .login(ServerApi.connect(ServerEndpoint.of(url, null)), email, password, "bench-loader");
        Path dir = Files.createTempDirectory("strongroom-load");
        LocalCache cache;
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            cache = LocalCache.open(dir.resolve("c.sqlite"), key,
                    new CacheProfile(session.accountId().toString(), url));
        }
        SyncEngine engine = new SyncEngine(session, cache);
        VaultService vaults = new VaultService(engine);
        engine.pull();
        List<VaultInfo> all = vaults.listVaults();
        VaultInfo personal = all.isEmpty() ? vaults.createPersonalVault("Personal") : all.get(0);
        List<VaultInfo> targets = new java.util.ArrayList<>(List.of(personal));
        for (int v = 1; v < vaultCount; v++) {
            targets.add(vaults.createVault(personal.teamId(), String.format("Vault %02d", v)));
        }
        StringBuilder entries = new StringBuilder();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String name = String.format("entry-%05d", i);
            String user = "user" + i + "@example.test";
            String pw = "pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
            String site = "https://site" + i + ".example";
            Login login = new Login(user, SecretText.copyOf(pw.toCharArray()), List.of(site), null);
            try (ItemContent c = ItemContent.builder(login, name, Instant.now()).build()) {
                vaults.add(targets.get(i % vaultCount).vaultId(), c);
            }
            entries.append("<Entry><UUID>")
                    .append(java.util.Base64.getEncoder().encodeToString(uuidBytes()))
                    .append("</UUID><String><Key>Title</Key><Value>").append(name)
                    .append("</Value></String><String><Key>UserName</Key><Value>").append(user)
                    .append("</Value></String><String><Key>Password</Key><Value ProtectInMemory=\"True\">")
                    .append(pw).append("</Value></String><String><Key>URL</Key><Value>").append(site)
                    .append("</Value></String></Entry>\n");
            if ((i + 1) % 2000 == 0) {
                System.err.printf("%d items, %.1f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.writeString(xml,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<KeePassFile><Meta><Generator>strongroom-bench</Generator></Meta>"
                        + "<Root><Group><UUID>" + java.util.Base64.getEncoder().encodeToString(uuidBytes())
                        + "</UUID><Name>Root</Name>\n" + entries + "</Group></Root></KeePassFile>\n");
        engine.close();
        cache.close();
        session.close();
    }

    private static byte[] uuidBytes() {
        java.util.UUID u = java.util.UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16);
        b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return b.array();
    }
}

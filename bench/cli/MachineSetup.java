import dev.strongroom.client.account.AccountService;
import dev.strongroom.client.account.KdfPinStore;
import dev.strongroom.client.api.ServerApi;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.cache.CacheKey;
import dev.strongroom.client.cache.CacheProfile;
import dev.strongroom.client.cache.LocalCache;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.machine.MachineService;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.session.UnlockedSession;
import dev.strongroom.client.sync.SyncEngine;
import dev.strongroom.client.team.TeamService;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.crypto.kdf.Argon2idParams;
import dev.strongroom.model.log.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Bench helper for machine-read.sh: an admin (registered here, cheap KDF: not what is measured)
 * creates team "Bench", vault "ci" with N environment-set items of 5 variables each, and a machine
 * account with read access to it. Writes the token to OUT_DIR/token (mode 0600).
 *
 * <p>java -cp cli/target/strongroom-cli.jar bench/cli/MachineSetup.java URL PIN|- OUT_DIR N
 */
public class MachineSetup {
    public static void main(String[] args) throws Exception {
        TlsPin pin = args[1].equals("-") ? null : TlsPin.parse(args[1]);
        ServerEndpoint endpoint = ServerEndpoint.of(args[0], pin);
        Path out = Path.of(args[2]);
        int n = Integer.parseInt(args[3]);
        char[] password = "bench admin password".toCharArray();
        String email = "admin@bench.test";
        AccountService accounts = new AccountService(KdfPinStore.inMemory());
        accounts.register(ServerApi.connect(endpoint), email, password.clone(),
                new Argon2idParams(19456, 2, 1));
        UnlockedSession session = accounts.login(ServerApi.connect(endpoint), email, password, "admin");
        LocalCache cache;
        try (CacheKey key = SyncEngine.cacheKey(session)) {
            cache = LocalCache.open(Files.createTempDirectory(out, "admin").resolve("c.db"), key,
                    new CacheProfile(session.accountId().toString(), args[0]));
        }
        SyncEngine engine = new SyncEngine(session, cache);
        VaultService vaults = new VaultService(engine);
        TeamService teams = new TeamService(vaults, engine, out.resolve("admin-state"));
        String teamId = vaults.createTeam("Bench");
        String vaultId = vaults.createVault(teamId, "ci").vaultId();
        for (int i = 0; i < n; i++) {
            List<EnvVar> vars = new java.util.ArrayList<>();
            for (int v = 0; v < 5; v++) {
                vars.add(new EnvVar(String.format("VAR_%03d_%d", i, v),
                        SecretText.copyOf(("value-" + i + "-" + v).toCharArray())));
            }
            vaults.add(vaultId, ItemContent.builder(new EnvironmentSet(vars),
                    String.format("service-%03d", i), Instant.now()).build());
        }
        MachineService machines = new MachineService(engine, teams);
        try (MachineToken token =
                machines.create(teamId, "bench-ci", Map.of(vaultId, Permission.READ), null)) {
            Path file = out.resolve("token");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, new String(token.toChars()));
        }
        System.out.println("sr://Bench/ci/service-000/VAR_000_0");
        teams.close();
        engine.close();
        cache.close();
        session.close();
    }
}

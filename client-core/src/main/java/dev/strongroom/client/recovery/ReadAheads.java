package dev.strongroom.client.recovery;

import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.recovery.RecoveryScope;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vaults of this device's requests read and checked ahead of their release (see {@link
 * ScopeReadAhead}), by request id. Kept in this process only: they are ciphertext and checks, and a
 * process that waits for the last approval (the desktop app, the CLI's agent) is the one that opens
 * the vault when it comes. One instance is shared by the {@link BreakGlass} objects of a session
 * that come and go.
 */
public final class ReadAheads {

    private final Map<String, Map<String, PrefetchedVault>> byRequest = new ConcurrentHashMap<>();

    /**
     * Reads and checks every vault of the scope that the release would read from the server: in the
     * scope, with a wrap to the recovery key, and not granted to {@code me} (those open from the
     * cache).
     *
     * @return how many items were checked
     */
    int read(RecoveryApi api, RecoveryLog log, String me, String requestId, RecoveryScope scope) {
        String teamId = log.state().teamId();
        Map<String, PrefetchedVault> read = new HashMap<>();
        int items = 0;
        for (Map.Entry<String, TeamState.Vault> v : log.state().vaults().entrySet()) {
            String vaultId = v.getKey();
            if (!ScopeOpener.covers(scope, teamId, vaultId)
                    || v.getValue().grants().get(me) != null
                    || log.wrap(vaultId, v.getValue().keyVersion()).isEmpty()) {
                continue;
            }
            RecoveryApi.ServedVault served = api.recoveredVault(teamId, requestId, vaultId);
            PrefetchedVault checked =
                    ScopeReadAhead.check(
                            log, scope, vaultId, served.items(), served.head(), served.cursor());
            read.put(vaultId, checked);
            items += checked.itemCount();
        }
        byRequest.put(requestId, Map.copyOf(read));
        return items;
    }

    /** Whether the vaults of {@code requestId} were read ahead (in this process). */
    public boolean has(String requestId) {
        return byRequest.containsKey(requestId);
    }

    /** The vaults of {@code requestId} read ahead, by vault id (none when it was not). */
    Map<String, PrefetchedVault> of(String requestId) {
        return byRequest.getOrDefault(requestId, Map.of());
    }

    void forget(String requestId) {
        byRequest.remove(requestId);
    }
}

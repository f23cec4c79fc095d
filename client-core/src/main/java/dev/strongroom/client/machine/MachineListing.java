package dev.strongroom.client.machine;

import dev.strongroom.model.log.Permission;
import dev.strongroom.model.log.TeamState;
import dev.strongroom.model.wire.MachineSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the verified log's machines with the server's list. The log decides who a machine is, what
 * it may read and when it expires; the server adds only bookkeeping (creator, times, its name for
 * machines the log no longer holds). A machine the server lists as active but the log does not hold
 * is shown as revoked: without a verified add_machine no client grants it anything.
 */
final class MachineListing {

    private MachineListing() {}

    static List<MachineInfo> of(TeamState state, List<MachineSummary> served) {
        Map<String, MachineSummary> byId = new LinkedHashMap<>();
        served.forEach(s -> byId.put(s.machineId().toString(), s));
        List<MachineInfo> out = new ArrayList<>();
        for (MachineSummary s : served) {
            String id = s.machineId().toString();
            TeamState.Machine inLog = state.machines().get(id);
            out.add(info(state, id, inLog, s));
        }
        state.machines()
                .forEach(
                        (id, m) -> {
                            if (!byId.containsKey(id)) {
                                out.add(info(state, id, m, null));
                            }
                        });
        return out;
    }

    private static MachineInfo info(
            TeamState state, String id, TeamState.Machine inLog, MachineSummary s) {
        String name = inLog == null ? null : MachineLabel.nameOf(inLog.bundle().email());
        if (name == null && s != null) {
            name = s.name();
        }
        return new MachineInfo(
                id,
                name,
                inLog == null ? Map.of() : grants(state, id),
                inLog != null ? inLog.expiresAt() : s.expiresAt(),
                inLog == null || (s != null && s.revokedAt() != null),
                s == null ? null : s.revokedAt(),
                s == null ? null : s.createdBy().toString(),
                s == null ? null : s.createdAt(),
                s == null ? null : s.lastUsedAt());
    }

    private static Map<String, Permission> grants(TeamState state, String id) {
        Map<String, Permission> out = new TreeMap<>();
        state.vaults()
                .forEach(
                        (vaultId, v) -> {
                            if (v.grants().containsKey(id)) {
                                out.put(vaultId, v.grants().get(id).permission());
                            }
                        });
        return out;
    }
}

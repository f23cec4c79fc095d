package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import dev.strongroom.model.log.Permission;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A team's vaults this account can read, found by id or name, and grants shown with names. */
final class MachineVaults {

    private final List<VaultInfo> vaults;

    MachineVaults(VaultService service, String teamId) {
        this.vaults = service.listVaults().stream().filter(v -> v.teamId().equals(teamId)).toList();
    }

    String id(String want) {
        List<VaultInfo> matches =
                vaults.stream()
                        .filter(v -> v.vaultId().equals(want) || v.name().equals(want))
                        .toList();
        if (matches.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "no vault " + want + " in this team");
        }
        if (matches.size() > 1) {
            throw new CliException(
                    ExitCode.USAGE, "several vaults are called " + want + ": use the vault id");
        }
        return matches.get(0).vaultId();
    }

    /** [{vaultId, vault (its name, or null when this account cannot read it), permission}]. */
    ArrayNode render(Map<String, Permission> grants) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        grants.forEach(
                (id, p) -> {
                    String name =
                            vaults.stream()
                                    .filter(v -> v.vaultId().equals(id))
                                    .map(VaultInfo::name)
                                    .findFirst()
                                    .orElse(null);
                    out.addObject()
                            .put("vaultId", id)
                            .put("vault", name)
                            .put("permission", p.name().toLowerCase(Locale.ROOT));
                });
        return out;
    }
}

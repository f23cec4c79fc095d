package dev.strongroom.cli.agent;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.vault.ItemView;
import dev.strongroom.client.vault.VaultInfo;
import dev.strongroom.client.vault.VaultService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds vaults and items the way the CLI addresses them: by id, or by a name that must be unique.
 * An unknown reference is NOT_FOUND (exit 4); an ambiguous name is ERROR (exit 1) with a one-line
 * hint listing the candidates' ids.
 */
final class ItemLookup {

    /** An item found, with the vault it lives in. The caller closes the view. */
    record Found(VaultInfo vault, ItemView view) implements AutoCloseable {
        @Override
        public void close() {
            view.close();
        }
    }

    private ItemLookup() {}

    static VaultInfo vault(VaultService vaults, String ref) {
        List<VaultInfo> all = vaults.listVaults();
        for (VaultInfo v : all) {
            if (v.vaultId().equals(ref)) {
                return v;
            }
        }
        List<VaultInfo> named = all.stream().filter(v -> v.name().equals(ref)).toList();
        if (named.isEmpty()) {
            throw new CliException(
                    ExitCode.NOT_FOUND, "no vault '" + ref + "' (see strongroom vault list)");
        }
        if (named.size() > 1) {
            throw new CliException(
                    ExitCode.ERROR,
                    "vault name '"
                            + ref
                            + "' is ambiguous: "
                            + named.stream()
                                    .map(VaultInfo::vaultId)
                                    .collect(Collectors.joining(", "))
                            + "; use the id");
        }
        return named.get(0);
    }

    /** The vault {@code ref} names, or with none the only vault, or else the one named Personal. */
    static VaultInfo vaultOrDefault(VaultService vaults, String ref) {
        if (ref != null) {
            return vault(vaults, ref);
        }
        List<VaultInfo> all = vaults.listVaults();
        if (all.size() == 1) {
            return all.get(0);
        }
        List<VaultInfo> personal = all.stream().filter(v -> v.name().equals("Personal")).toList();
        if (personal.size() == 1) {
            return personal.get(0);
        }
        if (all.isEmpty()) {
            throw new CliException(
                    ExitCode.NOT_FOUND, "no vault yet: run strongroom vault create NAME");
        }
        throw new CliException(ExitCode.USAGE, "several vaults: choose one with --vault");
    }

    /** The live item {@code ref} (id or unique name), in {@code vaultRef} or in any vault. */
    static Found item(VaultService vaults, String ref, String vaultRef) {
        List<VaultInfo> scope =
                vaultRef == null ? vaults.listVaults() : List.of(vault(vaults, vaultRef));
        if (isUuid(ref)) {
            for (VaultInfo v : scope) {
                Optional<ItemView> view = vaults.get(v.vaultId(), ref);
                if (view.isPresent()) {
                    if (!view.get().deleted()) {
                        return new Found(v, view.get());
                    }
                    view.get().close();
                }
            }
        }
        List<Found> matches = new ArrayList<>();
        for (VaultInfo v : scope) {
            for (ItemView view : vaults.list(v.vaultId())) {
                if (view.content().name().equals(ref)) {
                    matches.add(new Found(v, view));
                } else {
                    view.close();
                }
            }
        }
        if (matches.isEmpty()) {
            throw new CliException(
                    ExitCode.NOT_FOUND, "no item '" + ref + "' (see strongroom item list)");
        }
        if (matches.size() > 1) {
            String hint =
                    matches.stream()
                            .map(f -> f.view().itemId() + " in " + f.vault().name())
                            .collect(Collectors.joining(", "));
            matches.forEach(Found::close);
            throw new CliException(
                    ExitCode.ERROR,
                    "item name '" + ref + "' is ambiguous: " + hint + "; use the id");
        }
        return matches.get(0);
    }

    static boolean isUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equals(s.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

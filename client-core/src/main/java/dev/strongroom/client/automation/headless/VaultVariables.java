package dev.strongroom.client.automation.headless;

import dev.strongroom.client.automation.AutomationInputException;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.secret.SecretText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of a vault (or of one folder of it) for {@code strongroom run --vault} and {@code
 * strongroom export}: every variable of every environment-set item, items taken by name (then id)
 * so the order is stable, each item's variables in their own order. A folder {@code P} takes the
 * items in {@code P} and below it. Two items setting the same variable refuse the whole set rather
 * than pick one.
 */
public final class VaultVariables {

    private VaultVariables() {}

    /**
     * The variables, copies the caller closes.
     *
     * @param vault the vault's id or name
     * @param folder a folder path, or null for the whole vault
     */
    public static Map<String, SecretText> of(MachineSession session, String vault, String folder) {
        String vaultId = session.vaultId(session.teamId(), vault);
        List<MachineSession.OpenedItem> chosen = new ArrayList<>();
        boolean folderSeen = folder == null;
        for (MachineSession.OpenedItem i : session.items(vaultId)) {
            String f = i.content().folder();
            boolean inFolder =
                    folder == null
                            || (f != null && (f.equals(folder) || f.startsWith(folder + "/")));
            folderSeen |= inFolder;
            if (inFolder && i.content().data() instanceof EnvironmentSet) {
                chosen.add(i);
            }
        }
        if (!folderSeen) {
            throw new UnresolvedReferenceException(
                    "no folder '" + folder + "' in vault '" + vault + "'");
        }
        chosen.sort(
                Comparator.comparing((MachineSession.OpenedItem i) -> i.content().name())
                        .thenComparing(MachineSession.OpenedItem::itemId));
        Map<String, SecretText> out = new LinkedHashMap<>();
        try {
            for (MachineSession.OpenedItem i : chosen) {
                for (EnvVar v : ((EnvironmentSet) i.content().data()).vars()) {
                    if (out.containsKey(v.name())) {
                        throw new AutomationInputException(
                                "variable "
                                        + v.name()
                                        + " is set by more than one item of vault '"
                                        + vault
                                        + "'");
                    }
                    out.put(v.name(), v.value().copy());
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.values().forEach(SecretText::close);
            throw e;
        }
    }
}

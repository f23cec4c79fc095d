package dev.strongroom.desktop.main;

import dev.strongroom.desktop.items.ItemCatalog;
import dev.strongroom.desktop.items.ItemSummary;
import java.util.function.Predicate;

/** One line of the sidebar: "All items", "Rotation due", "Exposed", or a vault. */
record SidebarEntry(Kind kind, String label, String vaultId) {

    enum Kind {
        ALL,
        ROTATION_DUE,
        EXPOSED,
        VAULT
    }

    static SidebarEntry all() {
        return new SidebarEntry(Kind.ALL, "All items", null);
    }

    static SidebarEntry rotationDue() {
        return new SidebarEntry(Kind.ROTATION_DUE, "Rotation due", null);
    }

    static SidebarEntry exposed() {
        return new SidebarEntry(Kind.EXPOSED, "Exposed", null);
    }

    static SidebarEntry vault(String vaultId, String name) {
        return new SidebarEntry(Kind.VAULT, name.isEmpty() ? "(unnamed vault)" : name, vaultId);
    }

    /** Which items this entry shows. */
    Predicate<ItemSummary> scope(ItemCatalog catalog) {
        switch (kind) {
            case ROTATION_DUE:
                return catalog::rotationDue;
            case EXPOSED:
                return catalog::exposed;
            case VAULT:
                return s -> s.vaultId().equals(vaultId);
            default:
                return s -> true;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.strongroom.client.item;

/** How a custom field is shown: plain text, hidden (masked until revealed) or a URL. */
public enum FieldKind {
    TEXT("text"),
    HIDDEN("hidden"),
    URL("url");

    private final String wireName;

    FieldKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the serialised item. */
    public String wireName() {
        return wireName;
    }

    static FieldKind fromWireName(String name) {
        for (FieldKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}

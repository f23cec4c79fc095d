package dev.strongroom.desktop.items;

import dev.strongroom.client.item.ItemType;

/** The names users see for item types and type-specific fields. */
public final class TypeNames {

    private TypeNames() {}

    public static String of(ItemType type) {
        switch (type) {
            case LOGIN:
                return "Login";
            case API_KEY:
                return "API key";
            case DATABASE:
                return "Database";
            case SSH_KEY:
                return "SSH key";
            case CERTIFICATE:
                return "Certificate";
            case SECURE_NOTE:
                return "Secure note";
            default:
                return "Environment";
        }
    }

    /** "keyId" → "Key ID", "privateKey" → "Private key", "urls" → "URLs". */
    static String field(String schemaName) {
        switch (schemaName) {
            case "urls":
                return "URLs";
            case "keyId":
                return "Key ID";
            case "totp":
                return "One-time code";
            case "text":
                return "Note";
            default:
                StringBuilder out = new StringBuilder();
                for (char c : schemaName.toCharArray()) {
                    if (Character.isUpperCase(c)) {
                        out.append(' ').append(Character.toLowerCase(c));
                    } else {
                        out.append(c);
                    }
                }
                out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
                return out.toString();
        }
    }
}

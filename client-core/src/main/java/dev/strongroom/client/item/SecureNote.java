package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.Map;

/** Free secret text (up to 1 MiB characters). */
public record SecureNote(SecretText text) implements ItemData {

    public SecureNote {
        text = Check.secret("secure_note.text", text, Check.LONG);
    }

    @Override
    public ItemType type() {
        return ItemType.SECURE_NOTE;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields().put("text", text).build();
    }
}

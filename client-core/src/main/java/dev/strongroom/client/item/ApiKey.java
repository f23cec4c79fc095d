package dev.strongroom.client.item;

import dev.strongroom.client.secret.SecretText;
import java.util.Map;

/** An API key or token, with an optional public key id (such as an AWS access key id). */
public record ApiKey(String keyId, SecretText key) implements ItemData {

    public ApiKey {
        keyId = Check.optionalText("api_key.keyId", keyId, Check.SHORT);
        key = Check.secret("api_key.key", key, Check.SECRET);
    }

    @Override
    public ItemType type() {
        return ItemType.API_KEY;
    }

    @Override
    public Map<String, Object> fieldValues() {
        return new Fields().put("keyId", keyId).put("key", key).build();
    }
}

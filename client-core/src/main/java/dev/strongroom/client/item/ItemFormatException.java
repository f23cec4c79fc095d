package dev.strongroom.client.item;

/**
 * Serialised item bytes are not a well-formed item document of a version this client reads:
 * malformed JSON, an unknown or missing version, an unknown key, a wrong JSON type, trailing data.
 * There is no fallback. Messages name the key or position, never a value.
 */
public final class ItemFormatException extends ItemValidationException {

    public ItemFormatException(String field, String rule) {
        super(field, rule);
    }
}

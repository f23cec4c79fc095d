package dev.strongroom.client.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strongroom.crypto.api.UnsupportedFormatException;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;

/**
 * Reading a kit file: the format and version are checked on the raw JSON before anything else, so a
 * kit of another version is refused by name (no fallback to reading it as this one), and every part
 * the opener relies on must be present.
 */
final class KitFiles {

    private KitFiles() {}

    /**
     * @throws RecoveryException if the bytes are not a kit, a kit of another version (cause: {@link
     *     UnsupportedFormatException}), or lack a part
     */
    static RecoveryKit.KitFile read(byte[] file) {
        JsonNode tree = read(file, JsonNode.class);
        if (!tree.isObject() || !RecoveryKit.FORMAT.equals(tree.path("format").asText(null))) {
            throw new RecoveryException("the file is not a recovery kit");
        }
        JsonNode v = tree.path("v");
        if (!v.isInt() || v.intValue() != RecoveryKit.VERSION) {
            UnsupportedFormatException e =
                    new UnsupportedFormatException(
                            "recovery kit version",
                            v.isMissingNode() ? "none" : v.asText(),
                            String.valueOf(RecoveryKit.VERSION));
            throw new RecoveryException(
                    e.getMessage() + " (export a new kit with this version of Strongroom)", e);
        }
        RecoveryKit.KitFile kit;
        try {
            kit = WireJson.mapper().treeToValue(tree, RecoveryKit.KitFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new RecoveryException("the file is not a well-formed recovery kit");
        }
        if (kit.teamId() == null
                || kit.exportedBy() == null
                || kit.log() == null
                || kit.payload() == null
                || kit.signature() == null) {
            throw new RecoveryException("the recovery kit lacks a part");
        }
        return kit;
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return WireJson.mapper().readValue(bytes, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new RecoveryException("the file is not a well-formed recovery kit");
        }
    }
}

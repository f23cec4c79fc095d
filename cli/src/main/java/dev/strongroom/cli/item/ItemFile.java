package dev.strongroom.cli.item;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.item.ItemContent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads {@code item add --from-file}: the item's documented JSON form ({@code v}, {@code created}
 * and {@code modified} may be left out; they default to 1 and now). Parsed strictly by client-core.
 * Trade-off: filling in the defaults goes through a JSON tree, whose strings the JVM cannot wipe;
 * the file held the same secrets in clear on disk anyway.
 */
final class ItemFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemFile() {}

    static ItemContent read(Path file) {
        char[] chars = ItemInput.file(file);
        byte[] bytes = null;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new CliException(ExitCode.USAGE, file + " is not a JSON object");
            }
            ObjectNode item = (ObjectNode) tree;
            String now = Instant.now().toString();
            ObjectNode ordered = JSON.createObjectNode();
            ordered.set("v", item.has("v") ? item.get("v") : JSON.getNodeFactory().numberNode(1));
            if (item.has("type")) {
                ordered.set("type", item.get("type"));
            }
            ordered.setAll(item);
            if (!ordered.has("tags")) {
                ordered.putArray("tags");
            }
            if (!ordered.has("fields")) {
                ordered.putArray("fields");
            }
            if (!ordered.has("created")) {
                ordered.put("created", now);
            }
            if (!ordered.has("modified")) {
                ordered.put("modified", ordered.get("created").asText());
            }
            Arrays.fill(bytes, (byte) 0);
            bytes = JSON.writeValueAsBytes(ordered);
            return ItemContent.fromBytes(bytes);
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.USAGE, file + " is not valid JSON");
        } catch (java.io.IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read " + file);
        } finally {
            Arrays.fill(chars, '\0');
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }
}

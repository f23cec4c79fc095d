package dev.strongroom.client.adversary;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.strongroom.model.wire.Base64Url;
import dev.strongroom.model.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Edits of JSON documents by JSON Pointer ({@code /items/0/content}), for attack rules: set,
 * remove, flip a byte in a base64url field, drop/duplicate/reorder array elements, and copy a field
 * from another document. Every edit changes the tree in place and returns the root.
 */
final class JsonEdits {

    private JsonEdits() {}

    static JsonNode parse(byte[] body) {
        try {
            return WireJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return WireJson.mapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node at {@code pointer}; fails (rather than answering "missing") if there is none. */
    static JsonNode at(JsonNode root, String pointer) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("no node at " + pointer);
        }
        return n;
    }

    static JsonNode set(JsonNode root, String pointer, JsonNode value) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = at(root, p.head().toString());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }

    static JsonNode setText(JsonNode root, String pointer, String value) {
        return set(root, pointer, TextNode.valueOf(value));
    }

    static JsonNode remove(JsonNode root, String pointer) {
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = at(root, p.head().toString());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
        return root;
    }

    /** Flips the low bit of byte {@code index} (negative: from the end) of a base64url field. */
    static JsonNode flipByte(JsonNode root, String pointer, int index) {
        byte[] b = decode(root, pointer);
        b[index >= 0 ? index : b.length + index] ^= 0x01;
        return setText(root, pointer, Base64Url.encode(b));
    }

    static byte[] decode(JsonNode root, String pointer) {
        return Base64Url.decode(at(root, pointer).asText());
    }

    static JsonNode setBytes(JsonNode root, String pointer, byte[] value) {
        return setText(root, pointer, Base64Url.encode(value));
    }

    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) at(root, pointer);
    }

    static JsonNode drop(JsonNode root, String arrayPointer, int index) {
        array(root, arrayPointer).remove(index);
        return root;
    }

    static JsonNode duplicate(JsonNode root, String arrayPointer, int index) {
        ArrayNode a = array(root, arrayPointer);
        a.insert(index + 1, a.get(index).deepCopy());
        return root;
    }

    static JsonNode reverse(JsonNode root, String arrayPointer) {
        ArrayNode a = array(root, arrayPointer);
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        Collections.reverse(all);
        a.removeAll().addAll(all);
        return root;
    }

    static JsonNode swap(JsonNode root, String arrayPointer, int i, int j) {
        ArrayNode a = array(root, arrayPointer);
        JsonNode x = a.get(i);
        a.set(i, a.get(j));
        a.set(j, x);
        return root;
    }

    /**
     * Replaces the field at {@code pointer} with the field at {@code fromPointer} of {@code other}.
     */
    static JsonNode substitute(JsonNode root, String pointer, JsonNode other, String fromPointer) {
        return set(root, pointer, at(other, fromPointer).deepCopy());
    }

    /** The array element (an object) whose {@code field} has the text {@code value}. */
    static int indexWhere(JsonNode root, String arrayPointer, String field, String value) {
        ArrayNode a = array(root, arrayPointer);
        for (int i = 0; i < a.size(); i++) {
            if (value.equals(a.get(i).path(field).asText())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no element with " + field + " = " + value);
    }
}

package dev.strongroom.cli.item;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.VaultCall;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Moves item content between the CLI and the agent: the serialised item travels as the request
 * secret {@code content} (a wiped char[] here), and comes back from {@code item.get --content} as a
 * JSON string in the reply.
 */
final class ItemTransfer {

    private ItemTransfer() {}

    /** Sends {@code content} with the call; the content stays the caller's to close. */
    static ObjectNode send(VaultCall call, String command, ItemContent content) {
        byte[] bytes = content.toBytes();
        char[] chars = null;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            chars = Arrays.copyOf(decoded.array(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            return call.call(command, Map.of("content", chars));
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null) {
                Arrays.fill(chars, '\0');
            }
        }
    }

    /** The current content of an item as the agent returned it ({@code item.get} with content). */
    static ItemContent received(ObjectNode data) {
        String text = data.path("content").textValue();
        if (text == null) {
            throw new CliException(ExitCode.ERROR, "bad reply from the agent: no item content");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return ItemContent.fromBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The CLI's type names (login, api-key, database, ssh-key, certificate, note, env). */
    static ItemType type(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "login" -> ItemType.LOGIN;
            case "api-key", "api_key" -> ItemType.API_KEY;
            case "database", "db" -> ItemType.DATABASE;
            case "ssh-key", "ssh_key", "ssh" -> ItemType.SSH_KEY;
            case "certificate", "cert" -> ItemType.CERTIFICATE;
            case "note", "secure_note", "secure-note" -> ItemType.SECURE_NOTE;
            case "env", "env_set", "environment" -> ItemType.ENVIRONMENT;
            default ->
                    throw new CliException(
                            ExitCode.USAGE,
                            "--type must be login, api-key, database, ssh-key, certificate, note or env");
        };
    }
}

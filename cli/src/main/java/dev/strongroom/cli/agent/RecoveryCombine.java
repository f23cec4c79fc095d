package dev.strongroom.cli.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.api.ConflictException;
import dev.strongroom.client.recovery.BreakGlass;
import dev.strongroom.client.recovery.OpenedVault;
import dev.strongroom.model.wire.WireJson;
import java.util.Arrays;
import java.util.List;

/**
 * The agent's {@code recovery.combine}: opens a released request's scope and replies with every
 * opened item; while the approvals are withheld, reads and checks the scope ahead once the server
 * serves it (one approval short), so that the call after the last approval (or {@code combine
 * --wait}'s next poll) has only the changes since to check.
 */
final class RecoveryCombine {

    static final String RECOVERY_USED =
            "the team's recovery key has now been used: every member's 'recovery status' says so"
                    + " until an owner runs 'strongroom recovery rekey'";

    private RecoveryCombine() {}

    static ObjectNode run(BreakGlass glass, String team, String request) {
        ArrayNode vaults = JsonNodeFactory.instance.arrayNode();
        for (OpenedVault v : combineOrReadAhead(glass, team, request)) {
            try (v) {
                vaults.add(
                        JsonNodeFactory.instance
                                .objectNode()
                                .put("vaultId", v.vaultId())
                                .put("keyVersion", v.keyVersion())
                                .put("items", v.items().size())
                                .set("contents", contents(v)));
            }
        }
        // the team is told too (recovery status on every member's client)
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("notice", RECOVERY_USED);
        out.set("opened", vaults);
        return out;
    }

    private static List<OpenedVault> combineOrReadAhead(
            BreakGlass glass, String team, String request) {
        try {
            return glass.combine(team, request);
        } catch (ConflictException withheld) {
            String note = "";
            if (!glass.wasReadAhead(request)) {
                try {
                    int items = glass.readAhead(team, request);
                    note = "; its " + items + " items are read and checked ahead of the release";
                } catch (ConflictException notYet) {
                    // fewer approvals than that: nothing is served before the release yet
                }
            } else {
                note = "; its items were read and checked ahead of the release";
            }
            throw new CliException(ExitCode.CONFLICT, withheld.getMessage() + note);
        }
    }

    /**
     * Every opened item in full (secrets included): the requester usually holds no grant on the
     * vault, so this reply is the only place the recovered items can be read.
     */
    private static ArrayNode contents(OpenedVault v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        v.items()
                .forEach(
                        (id, content) -> {
                            byte[] bytes = content.toBytes();
                            try {
                                out.addObject()
                                        .put("itemId", id)
                                        .put("name", content.name())
                                        .put("type", String.valueOf(content.type()))
                                        .set("content", WireJson.mapper().readTree(bytes));
                            } catch (java.io.IOException e) {
                                throw new CliException(
                                        ExitCode.ERROR, "an item could not be rendered");
                            } finally {
                                Arrays.fill(bytes, (byte) 0);
                            }
                        });
        return out;
    }
}

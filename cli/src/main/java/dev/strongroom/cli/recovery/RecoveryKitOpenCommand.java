package dev.strongroom.cli.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.SecretInput;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.recovery.KitAnchor;
import dev.strongroom.client.recovery.RecoveryException;
import dev.strongroom.client.recovery.RecoveryKit;
import dev.strongroom.crypto.common.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strongroom recovery kit open FILE}: opens an offline kit with M sets of paper-share words,
 * in this process, with no server and no agent (the disaster case). Lists every vault and item;
 * {@code --json} prints every item's full content, secrets included.
 */
@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        description =
                "Open an offline kit with M sets of share words (no server needed). --json prints"
                        + " every item in full, secrets included.")
public final class RecoveryKitOpenCommand implements Callable<Integer> {

    static final int MAX_SHARES = 16;

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print every vault and item in full as JSON.")
    boolean json;

    @Option(
            names = "--words-stdin",
            description = "Read one share (its words on one line) per line from standard input.")
    boolean wordsStdin;

    @Parameters(index = "0", paramLabel = "FILE", description = "The kit file.")
    Path file;

    @Option(
            names = "--anchor",
            paramLabel = "SEQ:HASH",
            description =
                    "The kit anchor printed by 'kit export' (the head of the log the kit carries):"
                            + " a kit whose log ends anywhere else, an older one included, is"
                            + " refused.")
    String anchor;

    @Override
    public Integer call() {
        if (anchor == null || anchor.isBlank()) {
            throw new CliException(
                    ExitCode.USAGE, "give --anchor: the kit anchor printed when it was exported");
        }
        KitAnchor pinned;
        try {
            pinned = KitAnchor.parse(anchor); // before any word is typed
        } catch (RecoveryException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        byte[] kit;
        try {
            kit = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(ExitCode.NOT_FOUND, "cannot read " + file);
        }
        List<char[]> words = wordsStdin ? fromStdin() : prompted();
        try {
            List<RecoveryKit.OpenedKitVault> vaults = RecoveryKit.open(kit, words, pinned);
            print(vaults);
            vaults.forEach(v -> v.vault().close());
            return ExitCode.OK.code();
        } catch (RecoveryException e) {
            throw new CliException(ExitCode.ERROR, e.getMessage());
        } finally {
            words.forEach(Bytes::wipe);
        }
    }

    private void print(List<RecoveryKit.OpenedKitVault> vaults) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        StringBuilder text = new StringBuilder();
        for (RecoveryKit.OpenedKitVault v : vaults) {
            ObjectNode vault = all.addObject().put("name", v.name());
            vault.put("vaultId", v.vault().vaultId());
            ArrayNode items = vault.putArray("items");
            text.append(v.name()).append(" (").append(v.vault().items().size()).append(" items)\n");
            for (Map.Entry<String, ItemContent> e : v.vault().items().entrySet()) {
                text.append("  ")
                        .append(e.getValue().name())
                        .append(" [")
                        .append(e.getValue().type())
                        .append("]\n");
                if (json) {
                    byte[] bytes = e.getValue().toBytes();
                    try {
                        items.addObject().put("itemId", e.getKey()).set("content", read(bytes));
                    } finally {
                        Bytes.wipe(bytes);
                    }
                }
            }
        }
        Output.result(
                spec.commandLine().getOut(),
                json,
                JsonNodeFactory.instance.objectNode().set("vaults", all),
                text.toString().stripTrailing());
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "an item could not be rendered");
        }
    }

    private static List<char[]> fromStdin() {
        List<char[]> out = new ArrayList<>();
        for (char[] line : SecretInput.readLines(System.in, MAX_SHARES)) {
            if (line.length > 0) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<char[]> prompted() {
        List<char[]> out = new ArrayList<>();
        while (out.size() < MAX_SHARES) {
            char[] line = SecretInput.prompt("Share " + (out.size() + 1) + " (empty when done)");
            if (line.length == 0) {
                break;
            }
            out.add(line);
        }
        return out;
    }
}

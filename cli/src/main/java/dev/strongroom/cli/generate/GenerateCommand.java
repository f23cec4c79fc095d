package dev.strongroom.cli.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.cli.item.ItemSecretStore;
import dev.strongroom.crypto.common.Bytes;
import dev.strongroom.crypto.generate.PassphraseGenerator;
import dev.strongroom.crypto.generate.PasswordGenerator;
import dev.strongroom.crypto.generate.PasswordPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom generate}: a random password or passphrase from crypto-core's generators. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a random password (default) or a word passphrase.")
public final class GenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--length", description = "Password length (default ${DEFAULT-VALUE}).")
    int length = PasswordPolicy.DEFAULT.length();

    @Option(names = "--no-lower", description = "No lowercase letters.")
    boolean noLower;

    @Option(names = "--no-upper", description = "No uppercase letters.")
    boolean noUpper;

    @Option(names = "--no-digits", description = "No digits.")
    boolean noDigits;

    @Option(names = "--no-symbols", description = "No symbols.")
    boolean noSymbols;

    @Option(names = "--exclude", description = "Characters never to use.")
    String exclude = "";

    @Option(names = "--no-ambiguous", description = "Leave out look-alikes such as 0/O and 1/l.")
    boolean noAmbiguous;

    @Option(names = "--passphrase", description = "Words instead of characters.")
    boolean passphrase;

    @Option(names = "--words", description = "Passphrase words (default ${DEFAULT-VALUE}).")
    int words = PassphraseGenerator.DEFAULT_WORDS;

    @Option(names = "--separator", description = "Passphrase separator (default '-').")
    char separator = PassphraseGenerator.DEFAULT_SEPARATOR;

    @Option(
            names = "--store",
            paramLabel = "ITEM",
            description = "Store the secret in this item (a new revision) instead of printing it.")
    String store;

    @Option(
            names = "--store-field",
            paramLabel = "NAME",
            description =
                    "Field to store it in (default: the item's main secret, e.g. password;"
                            + " another name makes a hidden custom field).")
    String storeField;

    @Option(
            names = "--vault",
            paramLabel = "VAULT",
            description = "Look for the --store item in this vault only.")
    String vault;

    @Option(
            names = "--json",
            description =
                    "Print JSON: {secret, entropyBits}; with --store {item:{...}, entropyBits}.")
    boolean json;

    @Override
    public Integer call() {
        char[] secret;
        double bits;
        if (passphrase) {
            secret = PassphraseGenerator.generate(words, separator, false, false);
            bits = PassphraseGenerator.entropyBits(words, false);
        } else {
            PasswordPolicy policy =
                    new PasswordPolicy(
                            length,
                            !noLower,
                            !noUpper,
                            !noDigits,
                            !noSymbols,
                            exclude,
                            noAmbiguous);
            secret = PasswordGenerator.generate(policy);
            bits = PasswordGenerator.entropyBits(policy);
        }
        try {
            PrintWriter out = spec.commandLine().getOut();
            if (store != null) {
                ObjectNode data = ItemSecretStore.store(spec, store, vault, storeField, secret);
                data.remove("sync");
                data.put("entropyBits", Math.floor(bits * 10) / 10);
                JsonNode item = data.path("item");
                Output.result(
                        out,
                        json,
                        data,
                        "stored a new secret in "
                                + item.path("name").asText()
                                + " ("
                                + item.path("id").asText()
                                + "), revision "
                                + item.path("revision").asLong());
            } else if (json) {
                writeJson(out, secret, bits);
            } else {
                Output.secret(out, secret);
            }
            return ExitCode.OK.code();
        } finally {
            Bytes.wipe(secret);
        }
    }

    private static void writeJson(PrintWriter out, char[] secret, double bits) {
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeFieldName("secret");
            gen.writeString(secret, 0, secret.length);
            gen.writeNumberField("entropyBits", Math.floor(bits * 10) / 10);
            gen.writeEndObject();
            gen.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "could not write the output");
        }
    }
}

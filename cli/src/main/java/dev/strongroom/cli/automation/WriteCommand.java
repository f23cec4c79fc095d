package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.automation.SecretReference;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.crypto.common.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code strongroom write sr://team/vault/item/field < value}: sets one environment variable or
 * custom field from standard input (one trailing newline dropped), as a revision signed by the
 * machine. Only for a vault the machine's grant lets it write; it never prompts.
 */
@Command(
        name = "write",
        mixinStandardHelpOptions = true,
        description = "Set one secret value from standard input (machine token with write access).")
public final class WriteCommand extends HeadlessCommand {

    /** A value is one field, not a file: the same bound as a custom field's secret. */
    static final int MAX_VALUE = 64 * 1024;

    @Parameters(paramLabel = "REFERENCE", description = "sr://team/vault/item/field")
    String text;

    private SecretReference reference;
    private char[] value;

    @Override
    void prepare() {
        reference = SecretReference.parse(text);
        if (System.console() != null) {
            throw new CliException(
                    ExitCode.USAGE, "write reads the value from standard input: pipe it in");
        }
        value = readValue(System.in);
    }

    @Override
    int run(MachineSession session) {
        try {
            MachineSession.Written w = session.write(reference, value);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("reference", reference.toString());
            doc.put("itemId", w.itemId());
            doc.put("revision", w.revision());
            Output.result(
                    out(), json, doc, "wrote " + reference + " (revision " + w.revision() + ")");
            return 0;
        } finally {
            Bytes.wipe(value);
        }
    }

    /** Standard input as UTF-8 (strictly), without one trailing LF or CRLF. */
    static char[] readValue(InputStream in) {
        byte[] raw = null;
        try {
            raw = in.readNBytes(MAX_VALUE + 1);
            if (raw.length > MAX_VALUE) {
                throw new CliException(ExitCode.USAGE, "the value is larger than 64 KiB");
            }
            int end = raw.length;
            if (end > 0 && raw[end - 1] == '\n') {
                end--;
                if (end > 0 && raw[end - 1] == '\r') {
                    end--;
                }
            }
            CharBuffer chars =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(raw, 0, end));
            char[] out = Arrays.copyOfRange(chars.array(), 0, chars.limit());
            Bytes.wipe(chars.array());
            return out;
        } catch (CharacterCodingException e) {
            throw new CliException(ExitCode.USAGE, "the value on standard input is not UTF-8");
        } catch (IOException e) {
            throw new CliException(ExitCode.ERROR, "cannot read standard input");
        } finally {
            Bytes.wipe(raw);
        }
    }
}

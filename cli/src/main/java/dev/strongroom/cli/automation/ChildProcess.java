package dev.strongroom.cli.automation;

import dev.strongroom.cli.CliException;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.client.automation.MaskingOutputStream;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.crypto.common.Bytes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the command of {@code strongroom run} with secrets added to its environment and returns its
 * exit code (128 + n when a signal n ended it). The machine token is not passed on. SIGTERM, SIGINT
 * and SIGHUP sent to this process are forwarded to the child ({@link SignalForwarding}), which
 * decides when to stop; this process then exits with its code. With masking, the child's output and
 * error streams pass through a {@link MaskingOutputStream} each; otherwise they are the terminal's
 * own.
 */
final class ChildProcess {

    private ChildProcess() {}

    static int run(List<String> command, Map<String, SecretText> vars, boolean mask)
            throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove(MachineOptions.ENV_TOKEN);
        List<byte[]> secrets = new ArrayList<>();
        vars.forEach(
                (name, value) -> {
                    char[] chars = value.chars();
                    env.put(name, new String(chars));
                    Bytes.wipe(chars);
                    if (mask) {
                        secrets.add(value.toUtf8());
                    }
                });
        builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (!mask) {
            builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        SignalForwarding signals = SignalForwarding.install();
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            secrets.forEach(Bytes::wipe);
            throw new CliException(ExitCode.ERROR, "cannot run " + command.get(0));
        }
        signals.attach(child);
        List<Thread> pumps = new ArrayList<>();
        if (mask) {
            pumps.add(pump(child.getInputStream(), FileDescriptor.out, secrets));
            pumps.add(pump(child.getErrorStream(), FileDescriptor.err, secrets));
        }
        secrets.forEach(Bytes::wipe);
        int code = child.waitFor();
        for (Thread t : pumps) {
            t.join();
        }
        return code;
    }

    /** Copies a child stream to one of ours through a mask, on its own thread. */
    private static Thread pump(InputStream from, FileDescriptor to, List<byte[]> secrets) {
        OutputStream keepOpen =
                new FilterOutputStream(new FileOutputStream(to)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // our stdout and stderr stay open for what follows
                    }
                };
        MaskingOutputStream masked = new MaskingOutputStream(keepOpen, secrets);
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[8192];
                            try (masked;
                                    from) {
                                int n;
                                while ((n = from.read(buf)) > 0) {
                                    masked.write(buf, 0, n);
                                    if (from.available() == 0) {
                                        masked.flush();
                                    }
                                }
                            } catch (IOException e) {
                                // the child closed its end or our output went away: stop copying
                            } finally {
                                Bytes.wipe(buf);
                            }
                        },
                        "strongroom-run-output");
        t.start();
        return t;
    }
}

package dev.strongroom.bench.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * The JVM options the desktop app ships with (desktop-client's {@code jvm.options}, which the
 * launcher script, the app-image and bench/desktop/run.sh all read) against those of this process,
 * so a figure says whether it was taken as shipped; and the JVM's native memory summary when
 * tracking is on.
 */
final class ShippedJvmOptions {

    static final String RESOURCE = "/dev/strongroom/desktop/app/jvm.options";

    private ShippedJvmOptions() {}

    static List<String> shipped() {
        try (InputStream in = ShippedJvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            List<String> options = new ArrayList<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "as shipped (...)" or what is missing; extra options of this run are named too. */
    static String describe() {
        List<String> running = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> shipped = shipped();
        List<String> missing = new ArrayList<>(shipped);
        missing.removeAll(running);
        List<String> extra = new ArrayList<>(running);
        extra.removeAll(shipped);
        String extras = extra.isEmpty() ? "" : "; extra: " + String.join(" ", extra);
        return missing.isEmpty()
                ? "JVM options as shipped (" + String.join(" ", shipped) + ")" + extras
                : "JVM options NOT as shipped, missing: " + String.join(" ", missing) + extras;
    }

    /** The committed sizes of NMT's summary, or nothing when tracking is off. */
    static String nativeMemory() throws Exception {
        boolean on =
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking=summary"));
        if (!on) {
            return "";
        }
        Object out =
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "vmNativeMemory",
                                new Object[] {new String[] {"summary", "scale=MB"}},
                                new String[] {String[].class.getName()});
        StringBuilder lines = new StringBuilder("native memory (NMT, committed):");
        for (String line : out.toString().split("\n")) {
            String s = line.strip();
            if (s.startsWith("Total:") || (s.startsWith("-") && s.contains("committed="))) {
                lines.append("\n  ").append(s);
            }
        }
        return lines.toString();
    }

    /**
     * The live heap's biggest classes, when DESKTOP_BENCH_HISTO=N asks for the top N (to find what
     * holds memory).
     */
    static String heapHistogram() throws Exception {
        String top = System.getenv("DESKTOP_BENCH_HISTO");
        if (top == null || top.isBlank()) {
            return "";
        }
        Object out =
                ManagementFactory.getPlatformMBeanServer()
                        .invoke(
                                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                                "gcClassHistogram",
                                new Object[] {new String[0]},
                                new String[] {String[].class.getName()});
        String[] lines = out.toString().split("\n");
        int n = Math.min(lines.length, Integer.parseInt(top.strip()) + 3);
        return "live heap histogram:\n" + String.join("\n", java.util.Arrays.copyOf(lines, n));
    }
}

package dev.strongroom.server.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option values that were not given as flags: first from the environment ({@code
 * --data-dir} reads {@code STRONGROOM_DATA_DIR}), then from an optional properties file ({@code
 * data-dir=...}) named by {@code --config} or {@code STRONGROOM_CONFIG}. Flags therefore win over
 * the environment, which wins over the file, which wins over built-in defaults.
 */
final class ConfigDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;
    private final Properties file;

    ConfigDefaults(Map<String, String> env, Properties file) {
        this.env = env;
        this.file = file;
    }

    /** Loads the config file named in the arguments or the environment, if any. */
    static ConfigDefaults from(String[] args, Map<String, String> env) throws IOException {
        String path = env.get("STRONGROOM_CONFIG");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                path = args[i].substring("--config=".length());
            }
        }
        Properties props = new Properties();
        if (path != null) {
            try (Reader in = Files.newBufferedReader(Path.of(path))) {
                props.load(in);
            }
        }
        return new ConfigDefaults(env, props);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.longestName().equals("--config")) {
            return null;
        }
        String name = option.longestName().replaceFirst("^--", "");
        String envName = "STRONGROOM_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        String value = env.get(envName);
        if (value != null) {
            return value;
        }
        return file.getProperty(name);
    }
}

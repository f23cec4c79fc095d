package dev.strongroom.server.cli;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code strongroom-server} command line; {@code serve} runs when no subcommand is given. */
@Command(
        name = "strongroom-server",
        mixinStandardHelpOptions = true,
        version = "strongroom-server 0.1.0",
        description = "Strongroom sync server: stores only ciphertext and audit metadata.",
        subcommands = {
            ServeCommand.class,
            TlsSelfSignedCommand.class,
            AuditCommand.class,
            MigrateDbCommand.class
        })
public final class ServerCommand {

    private static final Set<String> SUBCOMMANDS =
            Set.of("serve", "tls-selfsigned", "audit", "migrate-db", "help");

    private ServerCommand() {}

    /** Parses and runs; returns the process exit code. */
    public static int run(String[] args, Map<String, String> env) {
        String[] effective = args;
        boolean top =
                args.length > 0
                        && (args[0].equals("-h")
                                || args[0].equals("--help")
                                || args[0].equals("-V")
                                || args[0].equals("--version"));
        if (!top && (args.length == 0 || !SUBCOMMANDS.contains(args[0]))) {
            effective = new String[args.length + 1];
            effective[0] = "serve";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        CommandLine cl = new CommandLine(new ServerCommand());
        try {
            cl.setDefaultValueProvider(ConfigDefaults.from(effective, env));
        } catch (IOException e) {
            System.err.println("strongroom-server: cannot read config file: " + e.getMessage());
            return 2;
        }
        cl.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    commandLine
                            .getErr()
                            .println(
                                    "strongroom-server: "
                                            + e.getClass().getSimpleName()
                                            + ": "
                                            + e.getMessage());
                    return 1;
                });
        return cl.execute(effective);
    }
}

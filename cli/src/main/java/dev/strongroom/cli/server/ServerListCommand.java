package dev.strongroom.cli.server;

import dev.strongroom.cli.CliContext;
import dev.strongroom.cli.ExitCode;
import dev.strongroom.cli.Output;
import dev.strongroom.client.account.ServerProfile;
import dev.strongroom.client.account.ServerProfiles;
import dev.strongroom.client.api.TlsPin;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strongroom server list [--json]}: the profiles, the current one marked with '*'. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List server profiles.")
public final class ServerListCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--json",
            description = "Print JSON: {current, servers: [{name, url, tlsPin, current}]}.")
    boolean json;

    @Override
    public Integer call() {
        ServerProfiles profiles = CliContext.of(spec).profiles();
        String current = profiles.current().map(ServerProfile::name).orElse(null);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> servers = new ArrayList<>();
            for (ServerProfile p : profiles.list()) {
                servers.add(describe(p, p.name().equals(current)));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("current", current);
            doc.put("servers", servers);
            Output.json(out, doc);
            return ExitCode.OK.code();
        }
        if (profiles.list().isEmpty()) {
            out.println("no server profiles (add one with strongroom server add NAME URL)");
        }
        for (ServerProfile p : profiles.list()) {
            out.println(
                    (p.name().equals(current) ? "* " : "  ")
                            + p.name()
                            + "  "
                            + p.endpoint().baseUrl()
                            + p.endpoint().pin().map(pin -> "  tls-pin sha256:" + pin).orElse(""));
        }
        out.flush();
        return ExitCode.OK.code();
    }

    static Map<String, Object> describe(ServerProfile p, boolean current) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("url", p.endpoint().baseUrl().toString());
        m.put(
                "tlsPin",
                p.endpoint().pin().map(TlsPin::toString).map(s -> "sha256:" + s).orElse(null));
        m.put("current", current);
        return m;
    }
}

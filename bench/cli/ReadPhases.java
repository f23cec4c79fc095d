import dev.strongroom.client.api.ApiTransport;
import dev.strongroom.client.api.BearerToken;
import dev.strongroom.client.api.ServerEndpoint;
import dev.strongroom.client.api.TlsPin;
import dev.strongroom.client.automation.MachineToken;
import dev.strongroom.client.automation.SecretReference;
import dev.strongroom.client.automation.headless.MachineSession;
import dev.strongroom.client.secret.SecretText;
import dev.strongroom.client.sync.SyncApi;
import java.time.Clock;

/**
 * Bench helper for machine-read.sh: one cold `read` inside a fresh JVM, phase by phase, to say
 * what dominates. The first raw requests pay for HttpClient set-up (and the TLS handshake); the
 * session then repeats them warm, so session-open minus the warm requests is verification.
 *
 * <p>java -cp cli/target/strongroom-cli.jar bench/cli/ReadPhases.java URL PIN|- REF (token: env)
 */
public class ReadPhases {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        TlsPin pin = args[1].equals("-") ? null : TlsPin.parse(args[1]);
        MachineToken token = MachineToken.parse(System.getenv("STRONGROOM_TOKEN").toCharArray());
        SecretReference ref = SecretReference.parse(args[2]);
        long parsed = System.nanoTime();
        ApiTransport transport = ApiTransport.connect(ServerEndpoint.of(args[0], pin));
        long connected = System.nanoTime();
        byte[] secret = token.secret();
        SyncApi api = new SyncApi(transport, BearerToken.machine(token.machineId(), secret));
        String team = token.teamId().toString();
        api.log(team, -1, 500);
        long firstRequest = System.nanoTime();
        api.log(team, -1, 500);
        long warmRequest = System.nanoTime();
        MachineSession session = MachineSession.open(transport, token, Clock.systemUTC());
        long opened = System.nanoTime();
        SecretText value = session.resolve(ref);
        long resolved = System.nanoTime();
        ms("token + reference parse (class loading)", t0, parsed);
        ms("HttpClient and TLS context set-up", parsed, connected);
        ms("first request (connection, TLS handshake, JSON, log)", connected, firstRequest);
        ms("same request again, warm", firstRequest, warmRequest);
        ms("session open: log fetch + verification", warmRequest, opened);
        ms("resolve: vault fetch + verify + decrypt", opened, resolved);
        System.out.println("value length " + value.length());
        session.close();
        token.close();
    }

    static void ms(String what, long from, long to) {
        System.out.printf("%-52s %7.1f ms%n", what, (to - from) / 1e6);
    }
}

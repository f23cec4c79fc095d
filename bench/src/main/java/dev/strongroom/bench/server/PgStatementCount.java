package dev.strongroom.bench.server;

import dev.strongroom.server.StrongroomServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what PostgreSQL executes per authenticated item GET, independent of machine load: turns on
 * {@code log_statement = 'all'} for a run of sequential GETs, then reads the server log. Every
 * statement logged, BEGIN and COMMIT included, is printed with how often it ran per GET. The read
 * path's statements run on pool connections; the audit record of each read is appended by the
 * group-commit writer (with one client and no concurrency, about one batch per read).
 */
final class PgStatementCount {

    private PgStatementCount() {}

    static void print(
            EmbeddedPostgres pg, Path log, StrongroomServer server, String url, String token, int n)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 50; i++) { // warm the pools and the prepared statements
            ServerLoad.send(client, ServerLoad.get(url, token));
        }
        server.database().flushWrites();
        long from;
        long to;
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET log_statement = 'all'");
            st.execute("SELECT pg_reload_conf()");
            Thread.sleep(1000); // the reload reaches the backends asynchronously
            from = Files.size(log);
            for (int i = 0; i < n; i++) {
                if (ServerLoad.send(client, ServerLoad.get(url, token)) != 200) {
                    throw new IllegalStateException("item GET failed");
                }
            }
            server.database().flushWrites();
            Thread.sleep(500);
            to = Files.size(log);
            st.execute("ALTER SYSTEM RESET log_statement");
            st.execute("SELECT pg_reload_conf()");
        }
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        for (String line : read(log, from, to).split("\n")) {
            int at = line.indexOf("LOG:  execute ");
            int simple = line.indexOf("LOG:  statement: ");
            String sql;
            if (at >= 0) {
                String rest = line.substring(at + "LOG:  execute ".length());
                sql = rest.substring(rest.indexOf(": ") + 2);
            } else if (simple >= 0) {
                sql = line.substring(simple + "LOG:  statement: ".length());
            } else {
                continue;
            }
            counts.merge(sql.length() > 90 ? sql.substring(0, 90) + "…" : sql, 1, Integer::sum);
            total++;
        }
        System.out.printf(
                Locale.ROOT,
                "--- PostgreSQL statements per item GET (%d sequential GETs, log_statement=all):"
                        + " %.2f%n",
                n,
                total / (double) n);
        counts.forEach(
                (sql, k) -> System.out.printf(Locale.ROOT, "    %6.2f  %s%n", k / (double) n, sql));
    }

    private static String read(Path log, long from, long to) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] b = new byte[(int) (to - from)];
            f.seek(from);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}

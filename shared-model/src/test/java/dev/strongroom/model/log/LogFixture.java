package dev.strongroom.model.log;

import dev.strongroom.crypto.envelope.Base64Url;
import dev.strongroom.crypto.keys.IdentityKeys;
import dev.strongroom.crypto.keys.PublicBundle;
import dev.strongroom.crypto.mac.Sha256;
import dev.strongroom.model.identity.PublicBundleJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds correctly chained, correctly signed team logs that tests then break on purpose. */
public final class LogFixture {

    public final String teamId = UUID.randomUUID().toString();
    public final Map<String, IdentityKeys> keys = new HashMap<>();
    public final Map<String, PublicBundle> bundles = new HashMap<>();
    public final List<SignedLogEntry> entries = new ArrayList<>();
    private byte[] head = LogEntries.genesisPrevHash();
    private String founder;

    public String person(String name) {
        IdentityKeys identity = IdentityKeys.generate();
        String id = UUID.randomUUID().toString();
        keys.put(name, identity);
        bundles.put(name, identity.publicBundle(id, name + "@example.org", 1_700_000_000_000L));
        return id;
    }

    public String id(String name) {
        return bundles.get(name).accountId();
    }

    public PublicBundleJson bundle(String name) {
        return PublicBundleJson.of(bundles.get(name));
    }

    public static String digest(String label) {
        return Base64Url.encode(
                Sha256.hash(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public LogFixture genesis(String founder) {
        person(founder);
        this.founder = founder;
        return append(founder, new LogAction.CreateTeam(null, bundle(founder), nameFor(founder)));
    }

    /** The team's name ("Platform", version 1) sealed by the founder to {@code recipient}. */
    public String nameFor(String recipient) {
        return sealName(founder, recipient, 1, "Platform");
    }

    public String sealName(String author, String recipient, int version, String name) {
        return TeamNames.seal(
                teamId,
                version,
                id(recipient),
                bundles.get(recipient).encryptionKey(),
                keys.get(author),
                name);
    }

    /** Appends a correctly linked entry signed by {@code author}. */
    public LogFixture append(String author, LogAction action) {
        return append(LogEntryBody.FORMAT, author, action);
    }

    /** Appends an entry in a given log format (1: the old, clear-name format). */
    public LogFixture append(int format, String author, LogAction action) {
        SignedLogEntry entry = sign(format, author, entries.size(), head, action);
        entries.add(entry);
        head = UnverifiedLogEntry.decode(entry).hash();
        return this;
    }

    public SignedLogEntry next(String author, LogAction action) {
        return sign(author, entries.size(), head, action);
    }

    SignedLogEntry sign(String author, long seq, byte[] prev, LogAction action) {
        return sign(LogEntryBody.FORMAT, author, seq, prev, action);
    }

    SignedLogEntry sign(int format, String author, long seq, byte[] prev, LogAction action) {
        LogEntryBody body =
                new LogEntryBody(
                        format,
                        teamId,
                        seq,
                        Base64Url.encode(prev),
                        id(author),
                        1_700_000_000_000L + seq,
                        action);
        return SignedLogEntry.sign(body, keys.get(author));
    }
}

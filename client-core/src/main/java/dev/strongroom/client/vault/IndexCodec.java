package dev.strongroom.client.vault;

import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.search.SearchDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The binary form of the item index inside {@link IndexFile}: compact and quick to read. */
final class IndexCodec {

    private static final int MAGIC = 0x53524958; // "SRIX"
    private static final int VERSION = 2;

    private IndexCodec() {}

    static byte[] write(Map<String, ItemIndex.VaultEntries> vaults) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(vaults.size());
            for (Map.Entry<String, ItemIndex.VaultEntries> v : vaults.entrySet()) {
                ItemIndex.Stamp st = v.getValue().stamp;
                string(out, v.getKey());
                out.writeLong(st.cursor());
                string(out, st.head());
                out.writeInt(st.writeIds().size());
                for (long id : st.writeIds()) {
                    out.writeLong(id);
                }
                out.writeInt(v.getValue().rows.size());
                for (Map.Entry<String, ItemIndex.Row> r : v.getValue().rows.entrySet()) {
                    row(out, r.getKey(), r.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void row(DataOutputStream out, String itemId, ItemIndex.Row row)
            throws IOException {
        string(out, itemId);
        out.writeLong(row.revision());
        out.writeBoolean(row.pending());
        out.writeInt(row.signature().length);
        out.write(row.signature());
        ItemSummary s = row.summary();
        out.writeBoolean(s != null);
        if (s == null) {
            return;
        }
        SearchDocument d = s.document();
        string(out, s.authorId());
        string(out, d.type().wireName());
        string(out, d.name());
        string(out, d.username());
        strings(out, d.urls());
        strings(out, d.tags());
        string(out, d.folder());
        strings(out, d.fieldNames());
        out.writeLong(s.modified().getEpochSecond());
        out.writeInt(s.modified().getNano());
    }

    /** The stored vaults; throws on anything malformed (the caller then rebuilds). */
    static Map<String, ItemIndex.VaultEntries> read(byte[] plain) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not an item index");
        }
        Map<String, ItemIndex.VaultEntries> vaults = new HashMap<>();
        int nv = count(in);
        for (int v = 0; v < nv; v++) {
            String vaultId = string(in);
            long cursor = in.readLong();
            String head = string(in);
            List<Long> writes = new ArrayList<>();
            for (int w = count(in); w > 0; w--) {
                writes.add(in.readLong());
            }
            ItemIndex.VaultEntries e = new ItemIndex.VaultEntries();
            e.stamp = new ItemIndex.Stamp(cursor, head, writes);
            for (int r = count(in); r > 0; r--) {
                String itemId = string(in);
                e.rows.put(itemId, row(in, vaultId, itemId));
            }
            vaults.put(vaultId, e);
        }
        return vaults;
    }

    private static ItemIndex.Row row(DataInputStream in, String vaultId, String itemId)
            throws IOException {
        long revision = in.readLong();
        boolean pending = in.readBoolean();
        byte[] sig = new byte[count(in)];
        in.readFully(sig);
        if (!in.readBoolean()) {
            return new ItemIndex.Row(revision, pending, sig, null);
        }
        String author = string(in);
        ItemType type = ItemType.fromWireName(string(in));
        if (type == null) {
            throw new IOException("unknown item type");
        }
        String name = string(in);
        String username = string(in);
        List<String> urls = strings(in);
        List<String> tags = strings(in);
        String folder = string(in);
        List<String> fields = strings(in);
        Instant modified = Instant.ofEpochSecond(in.readLong(), in.readInt());
        SearchDocument d =
                new SearchDocument(
                        vaultId + "/" + itemId, type, name, username, urls, tags, folder, fields);
        return new ItemIndex.Row(
                revision,
                pending,
                sig,
                new ItemSummary(vaultId, itemId, revision, pending, author, d, modified));
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count");
        }
        return n;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("bad string");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            out.add(string(in));
        }
        return out;
    }
}

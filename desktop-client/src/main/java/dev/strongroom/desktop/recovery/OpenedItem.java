package dev.strongroom.desktop.recovery;

import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.Login;
import dev.strongroom.desktop.items.ItemCatalog;
import dev.strongroom.desktop.items.TypeNames;
import java.util.StringJoiner;

/**
 * One item a combine opened, with the name of its vault. The content is plaintext owned by the
 * {@link OpenedItems} it came from, which wipes its secrets on close; never close it here.
 */
record OpenedItem(String vaultName, String itemId, ItemContent content) {

    /** The list line: name, type, and the username and address where the item has them. */
    String line() {
        StringJoiner line = new StringJoiner(" · ");
        line.add(content.name()).add(TypeNames.of(content.type()));
        String user = ItemCatalog.username(content);
        if (user != null) {
            line.add(user);
        }
        String where = where(content);
        if (where != null) {
            line.add(where);
        }
        return line.toString();
    }

    /** A login's first URL or a database's host: what tells two similar items apart at 3 a.m. */
    static String where(ItemContent c) {
        if (c.data() instanceof Login login && !login.urls().isEmpty()) {
            return login.urls().get(0);
        }
        if (c.data() instanceof DatabaseCredential db) {
            return db.host() + ":" + db.port();
        }
        return null;
    }

    // The record's own toString would print the content (notes, usernames): ids only.
    @Override
    public String toString() {
        return "OpenedItem[" + vaultName + "/" + itemId + "]";
    }
}

package dev.strongroom.client.search;

import dev.strongroom.client.item.CustomField;
import dev.strongroom.client.item.DatabaseCredential;
import dev.strongroom.client.item.EnvVar;
import dev.strongroom.client.item.EnvironmentSet;
import dev.strongroom.client.item.ItemContent;
import dev.strongroom.client.item.ItemType;
import dev.strongroom.client.item.Login;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The searchable metadata of one decrypted item: never a secret value. Usernames come from logins
 * and database credentials, URLs from logins (and a database's host), field names from custom
 * fields and environment variable names.
 */
public record SearchDocument(
        String id,
        ItemType type,
        String name,
        String username,
        List<String> urls,
        List<String> tags,
        String folder,
        List<String> fieldNames) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        urls = List.copyOf(urls);
        tags = List.copyOf(tags);
        fieldNames = List.copyOf(fieldNames);
    }

    /** Extracts the metadata of {@code item}, stored under {@code id}. */
    public static SearchDocument of(String id, ItemContent item) {
        String username = null;
        List<String> urls = new ArrayList<>();
        if (item.data() instanceof Login login) {
            username = login.username();
            urls.addAll(login.urls());
        } else if (item.data() instanceof DatabaseCredential db) {
            username = db.user();
            urls.add(db.host());
        }
        List<String> fieldNames = new ArrayList<>();
        for (CustomField field : item.fields()) {
            fieldNames.add(field.name());
        }
        if (item.data() instanceof EnvironmentSet env) {
            for (EnvVar var : env.vars()) {
                fieldNames.add(var.name());
            }
        }
        return new SearchDocument(
                id,
                item.type(),
                item.name(),
                username,
                urls,
                item.tags(),
                item.folder(),
                fieldNames);
    }
}

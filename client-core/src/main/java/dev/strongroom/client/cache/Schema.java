package dev.strongroom.client.cache;

import java.util.List;

/**
 * The cache's SQLite schema, format version 1. Binary values are BLOBs and nothing in here is ever
 * plaintext. Invariants that guard against rollback are also triggers, so that no code path can
 * rewrite a stored log entry, move a vault to another team, or move an item backward; the triggers'
 * messages carry a {@link #RAISE_PREFIX} that {@link Sql} maps to {@link RollbackRefusedException}.
 */
final class Schema {

    /** The only format this build reads; stored as {@code PRAGMA user_version} and in meta. */
    static final int FORMAT_VERSION = 1;

    /** {@code PRAGMA application_id}: "SRC1", marks the file as a Strongroom cache. */
    static final int APPLICATION_ID = 0x53524331;

    static final String RAISE_PREFIX = "strongroom:";

    private Schema() {}

    /** The 13 columns an item revision occupies, in bind order (see {@link ItemRows}). */
    private static final String ITEM_COLUMNS =
            """
                vault_id            TEXT NOT NULL,
                item_id             TEXT NOT NULL,
                team_id             TEXT NOT NULL,
                revision            INTEGER NOT NULL CHECK (revision >= 0),
                key_version         INTEGER NOT NULL CHECK (key_version >= 0),
                wrapped_key_digest  BLOB NOT NULL CHECK (length(wrapped_key_digest) = 32),
                content_digest      BLOB NOT NULL CHECK (length(content_digest) = 32),
                deleted             INTEGER NOT NULL CHECK (deleted IN (0, 1)),
                author_id           TEXT NOT NULL,
                log_seq             INTEGER NOT NULL CHECK (log_seq >= 0),
                wrapped_key         BLOB NOT NULL,
                content             BLOB NOT NULL,
                signature           BLOB NOT NULL""";

    static final List<String> DDL =
            List.of(
                    """
                    CREATE TABLE meta (
                        id              INTEGER PRIMARY KEY CHECK (id = 1),
                        format_version  INTEGER NOT NULL,
                        account_id      TEXT NOT NULL,
                        server_url      TEXT NOT NULL,
                        created_at      INTEGER NOT NULL,
                        mac             BLOB NOT NULL
                    )""",
                    """
                    CREATE TABLE kdf_pin (
                        id           INTEGER PRIMARY KEY CHECK (id = 1),
                        algorithm    TEXT NOT NULL,
                        memory_kib   INTEGER NOT NULL,
                        iterations   INTEGER NOT NULL,
                        parallelism  INTEGER NOT NULL,
                        mac          BLOB NOT NULL
                    )""",
                    """
                    CREATE TABLE team (
                        team_id       TEXT PRIMARY KEY,
                        genesis_hash  BLOB NOT NULL CHECK (length(genesis_hash) = 32),
                        last_seq      INTEGER NOT NULL CHECK (last_seq >= 0),
                        head_hash     BLOB NOT NULL CHECK (length(head_hash) = 32),
                        mac           BLOB NOT NULL
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE log_entry (
                        team_id    TEXT NOT NULL REFERENCES team (team_id),
                        seq        INTEGER NOT NULL CHECK (seq >= 0),
                        body       BLOB NOT NULL,
                        signature  BLOB NOT NULL,
                        PRIMARY KEY (team_id, seq)
                    )""",
                    """
                    CREATE TABLE vault (
                        vault_id  TEXT PRIMARY KEY,
                        team_id   TEXT NOT NULL REFERENCES team (team_id),
                        metadata  BLOB NOT NULL,
                        cursor    INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
                        UNIQUE (vault_id, team_id)
                    )""",
                    """
                    CREATE TABLE vault_key_wrap (
                        vault_id     TEXT NOT NULL REFERENCES vault (vault_id),
                        key_version  INTEGER NOT NULL CHECK (key_version >= 0),
                        wrap         BLOB NOT NULL,
                        PRIMARY KEY (vault_id, key_version)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE vault_head (
                        vault_id      TEXT PRIMARY KEY REFERENCES vault (vault_id),
                        counter       INTEGER NOT NULL CHECK (counter >= 0),
                        key_version   INTEGER NOT NULL,
                        items_digest  BLOB NOT NULL,
                        item_count    INTEGER NOT NULL,
                        author_id     TEXT NOT NULL,
                        log_seq       INTEGER NOT NULL,
                        signature     BLOB NOT NULL,
                        mac           BLOB NOT NULL
                    ) WITHOUT ROWID""",
                    "CREATE TABLE item (\n"
                            + ITEM_COLUMNS
                            + ",\n    PRIMARY KEY (vault_id, item_id),\n"
                            + "    FOREIGN KEY (vault_id, team_id) REFERENCES vault (vault_id,"
                            + " team_id)\n)",
                    "CREATE TABLE item_history (\n"
                            + ITEM_COLUMNS
                            + ",\n    PRIMARY KEY (vault_id, item_id, revision),\n"
                            + "    FOREIGN KEY (vault_id, team_id) REFERENCES vault (vault_id,"
                            + " team_id)\n)",
                    """
                    CREATE TABLE outbox (
                        id             INTEGER PRIMARY KEY AUTOINCREMENT,
                        vault_id       TEXT NOT NULL,
                        item_id        TEXT NOT NULL,
                        base_revision  INTEGER NOT NULL CHECK (base_revision >= 0),
                        payload        BLOB NOT NULL,
                        created_at     INTEGER NOT NULL,
                        state          TEXT NOT NULL CHECK (state IN ('QUEUED', 'SENDING'))
                    )""",
                    "CREATE TABLE conflict (\n"
                            + "    id                   INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                            + "    local_base_revision  INTEGER NOT NULL,\n"
                            + "    local_payload        BLOB NOT NULL,\n"
                            + "    local_created_at     INTEGER NOT NULL,\n"
                            + "    detected_at          INTEGER NOT NULL,\n"
                            + ITEM_COLUMNS
                            + "\n)",
                    """
                    CREATE TRIGGER log_entry_immutable BEFORE UPDATE ON log_entry
                    BEGIN SELECT RAISE(ABORT, 'strongroom:LOG_ENTRY_REWRITTEN'); END""",
                    """
                    CREATE TRIGGER vault_team_fixed BEFORE UPDATE OF team_id ON vault
                    WHEN NEW.team_id IS NOT OLD.team_id
                    BEGIN SELECT RAISE(ABORT, 'strongroom:VAULT_TEAM_CHANGED'); END""",
                    """
                    CREATE TRIGGER item_no_rollback BEFORE UPDATE ON item
                    WHEN NEW.revision < OLD.revision
                    BEGIN SELECT RAISE(ABORT, 'strongroom:ITEM_BACKWARD'); END""",
                    """
                    CREATE TRIGGER item_no_fork BEFORE UPDATE ON item
                    WHEN NEW.revision = OLD.revision
                    BEGIN SELECT RAISE(ABORT, 'strongroom:ITEM_FORK'); END""",
                    """
                    CREATE TRIGGER item_keeps_history AFTER UPDATE ON item
                    WHEN NEW.revision > OLD.revision
                    BEGIN
                        INSERT OR IGNORE INTO item_history VALUES (
                            OLD.vault_id, OLD.item_id, OLD.team_id, OLD.revision,
                            OLD.key_version, OLD.wrapped_key_digest, OLD.content_digest,
                            OLD.deleted, OLD.author_id, OLD.log_seq, OLD.wrapped_key,
                            OLD.content, OLD.signature);
                    END""");
}

-- Opaque per-account records (package server.accountdata), such as the teams an account joined,
-- sealed by its clients under a key derived from the account key: the server stores and versions
-- them and can read none of them.
CREATE TABLE account_records (
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    record      BYTEA NOT NULL,
    version     BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, kind)
);

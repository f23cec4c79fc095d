-- Break-glass recovery, issue 7 gaps (package server.recovery).

-- Signed announcements of a vault's older key versions wrapped to the current recovery key (the
-- log announces the current version and every later one); the wraps themselves are in
-- vault_key_wraps under recipient 'recovery'. One announcement per vault, replaced on re-split.
CREATE TABLE recovery_old_wraps (
    team_id         TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    vault_id        TEXT NOT NULL,
    policy_version  INTEGER NOT NULL,
    body            BLOB NOT NULL,
    signature       BLOB NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (team_id, vault_id)
);

-- Accounts that were enrolled for account recovery under an older policy: a re-split cannot wrap
-- their account keys to the new recovery key (only the member's own client holds it), so they are
-- queued here until they enrol again, and status shows them.
CREATE TABLE recovery_reenrolment_due (
    team_id         TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    since_version   INTEGER NOT NULL,
    PRIMARY KEY (team_id, account_id)
);

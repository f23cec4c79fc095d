-- Break-glass recovery (package server.recovery). V1's recovery tables were never written; they
-- are replaced by these, which keep what the server must hand back verbatim: the exact signed
-- request and decision bodies, so clients verify signatures and digest bindings themselves.
DROP TABLE recovery_approvals;
DROP TABLE recovery_requests;
DROP TABLE recovery_account_enrollments;
DROP TABLE recovery_shares;
DROP TABLE recovery_policies;

-- One row per policy version whose sealed shares are stored. The policy itself is the signed
-- set_recovery_policy log entry; these columns are copied from the verified entry.
CREATE TABLE recovery_policies (
    team_id              TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    policy_version       INTEGER NOT NULL,
    recovery_public_key  BLOB NOT NULL,
    threshold            INTEGER NOT NULL,
    share_count          INTEGER NOT NULL,
    delay_ms             BIGINT NOT NULL,
    owner_veto           INTEGER NOT NULL,
    author_id            TEXT NOT NULL,
    created_at           BIGINT NOT NULL,
    PRIMARY KEY (team_id, policy_version)
);

-- Shares of the recovery private key sealed to each approver (R1); served only to that approver.
CREATE TABLE recovery_shares (
    team_id         TEXT NOT NULL,
    policy_version  INTEGER NOT NULL,
    approver_id     TEXT NOT NULL,
    sealed_share    BLOB NOT NULL,
    created_at      BIGINT NOT NULL,
    PRIMARY KEY (team_id, policy_version, approver_id),
    FOREIGN KEY (team_id, policy_version)
        REFERENCES recovery_policies(team_id, policy_version) ON DELETE CASCADE
);

-- Accounts enrolled for forgotten-password recovery: the account key wrapped to the recovery key
-- of one policy version (a new policy needs a new enrollment).
CREATE TABLE recovery_account_enrollments (
    team_id              TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    policy_version       INTEGER NOT NULL,
    account_id           TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    wrapped_account_key  BLOB NOT NULL,
    created_at           BIGINT NOT NULL,
    PRIMARY KEY (team_id, policy_version, account_id)
);

-- Requests: the signed body as received; not_before = received + the policy's delay (the server
-- withholds approvals until then); expires_at = received + 7 days.
CREATE TABLE recovery_requests (
    id                 TEXT PRIMARY KEY,
    team_id            TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    policy_version     INTEGER NOT NULL,
    requester_id       TEXT NOT NULL,
    scope_kind         TEXT NOT NULL,
    scope_target       TEXT NOT NULL,
    reason             TEXT NOT NULL,
    request_body       BLOB NOT NULL,
    request_signature  BLOB NOT NULL,
    status             TEXT NOT NULL,
    created_at         BIGINT NOT NULL,
    not_before         BIGINT NOT NULL,
    expires_at         BIGINT NOT NULL,
    closed_at          BIGINT
);
CREATE INDEX recovery_requests_team ON recovery_requests(team_id, created_at);

-- Decisions (approve, deny, veto), one per person per request; an approval keeps its share
-- re-sealed to the request's ephemeral key (R2).
CREATE TABLE recovery_decisions (
    request_id     TEXT NOT NULL REFERENCES recovery_requests(id) ON DELETE CASCADE,
    decider_id     TEXT NOT NULL,
    decision       TEXT NOT NULL,
    decision_body  BLOB NOT NULL,
    signature      BLOB NOT NULL,
    sealed_share   BLOB,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (request_id, decider_id)
);

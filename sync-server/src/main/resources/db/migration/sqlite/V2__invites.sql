-- Pending team invites by one-time code (package server.invites). The code never reaches the
-- server: it stores only the two HMAC proofs, which clients verify. A row stays after it is
-- consumed or cancelled, for the audit trail and so an invite id is never reused.
CREATE TABLE team_invites (
    id             TEXT PRIMARY KEY,
    team_id        TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    email          TEXT NOT NULL,
    role           TEXT NOT NULL,
    inviter_id     TEXT NOT NULL,
    inviter_proof  BLOB NOT NULL,
    status         TEXT NOT NULL,
    invitee_id     TEXT,
    invitee_proof  BLOB,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX team_invites_team ON team_invites(team_id);
CREATE INDEX team_invites_email ON team_invites(email);

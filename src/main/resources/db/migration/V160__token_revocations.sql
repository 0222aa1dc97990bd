-- Signed out everywhere: every token of the user issued before not_before is refused. One row
-- per user, the latest revocation; every node holds them all in memory (a handful of rows).
CREATE TABLE token_revocations (
    user_id    VARCHAR(200) PRIMARY KEY,
    not_before TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(500),
    revoked_by VARCHAR(200) NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

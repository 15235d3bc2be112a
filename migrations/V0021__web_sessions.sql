-- The web's sessions live in the database, so restarting `drc serve` signs no one out. A row is
-- one signed-in browser: its key (from the cookie), the session as JSON, and when it lapses
-- (Unix seconds). An account's session epoch rises when its password is changed or reset or it is
-- disabled: every session started under an older epoch has ended. An admin's reset sets
-- must_change_password, so the account's next sign-in leads to the password form first.
CREATE TABLE web_session (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    expires_at INTEGER
) STRICT;
CREATE INDEX web_session_expiry ON web_session (expires_at);

ALTER TABLE web_user ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE web_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

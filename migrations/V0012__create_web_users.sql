-- Accounts of the web interface (`drc serve`): who may sign in and with which role. The password
-- is kept only as a bcrypt hash; an account is disabled, never deleted, so history that names it
-- keeps meaning something. Names are unique as typed (case and spaces included).
CREATE TABLE web_user (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'manager', 'auditor')),
    password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

-- Status and role columns become VARCHAR with a CHECK of the allowed names, instead of ENUM (see docs/decisions.md).
-- H2 stores an ENUM value as its bare ordinal and needs the column's type to turn it back into a name. When it opens a
-- file left by a killed process it reads the open transactions' undo log before the tables are defined, and the
-- table maps it opens for that keep no column types: ENUM columns then read as numbers (3, 5) and every comparison
-- with a name fails. Text needs no type to be read back.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE. Existing values keep their names.

ALTER TABLE recordings MODIFY COLUMN status VARCHAR(20) NOT NULL;
ALTER TABLE recordings ADD CONSTRAINT ck_recordings_status
    CHECK (status IN ('uploading', 'queued', 'processing', 'transcribed', 'completed', 'failed'));

ALTER TABLE analyses MODIFY COLUMN status VARCHAR(20) NOT NULL;
ALTER TABLE analyses ADD CONSTRAINT ck_analyses_status CHECK (status IN ('queued', 'running', 'completed', 'failed'));

ALTER TABLE users MODIFY COLUMN role VARCHAR(20) NOT NULL;
ALTER TABLE users ADD CONSTRAINT ck_users_role CHECK (role IN ('teacher', 'school_manager', 'super_admin'));

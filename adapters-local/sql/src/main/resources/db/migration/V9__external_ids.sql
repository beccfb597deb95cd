-- The ids an embedding school system (the host) gives its own schools and users, so it can upsert them and act as
-- its users. Null for schools and users made in ClassReflect itself; a unique index admits any number of nulls
-- (MySQL, MariaDB and H2 in MODE=MySQL alike). MySQL dialect that also runs on H2 in MODE=MySQL.
ALTER TABLE schools ADD COLUMN external_id VARCHAR(200) NULL;
CREATE UNIQUE INDEX uq_schools_external_id ON schools (external_id);

ALTER TABLE users ADD COLUMN external_id VARCHAR(200) NULL;
CREATE UNIQUE INDEX uq_users_external_id ON users (external_id);

-- The access log: who read, exported or changed what, and every sign-in. Append-only (rows leave only by age, the
-- log's own retention). Only ids are kept, with no foreign keys, so an entry outlives the recording, user or school
-- it names; school_id and teacher_id say whose data the entry is about (who may see it).
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
CREATE TABLE access_log (
    id              VARCHAR(64) NOT NULL,
    occurred_at     DATETIME(3) NOT NULL,
    actor_id        VARCHAR(64) NOT NULL,
    actor_role      VARCHAR(20) NOT NULL,
    actor_school_id VARCHAR(64) NULL,
    action          VARCHAR(30) NOT NULL,
    target_kind     VARCHAR(20) NOT NULL,
    target_id       VARCHAR(64) NULL,
    school_id       VARCHAR(64) NULL,
    teacher_id      VARCHAR(64) NULL,
    from_address    VARCHAR(64) NULL,
    detail          TEXT        NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_access_log_occurred ON access_log (occurred_at, id);
CREATE INDEX ix_access_log_school ON access_log (school_id, occurred_at);
CREATE INDEX ix_access_log_teacher ON access_log (teacher_id, occurred_at);

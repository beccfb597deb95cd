-- Erasure requests: stored before anything is erased, so an erasure a crash interrupted is finished by the next
-- start; kept afterwards with their receipt (the counts, taken once before the first removal) as the record that the
-- erasure happened. Ids only, no foreign keys: the accounts they name are gone once completed_at is set.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
CREATE TABLE erasure_requests (
    id                   VARCHAR(64) NOT NULL,
    kind                 VARCHAR(20) NOT NULL,
    subject_id           VARCHAR(64) NOT NULL,
    school_id            VARCHAR(64) NOT NULL,
    requested_by         VARCHAR(64) NOT NULL,
    requested_by_role    VARCHAR(20) NOT NULL,
    requested_at         DATETIME(3) NOT NULL,
    receipt_taken        BOOLEAN     NOT NULL DEFAULT FALSE,
    receipt_users        INT         NOT NULL DEFAULT 0,
    receipt_recordings   INT         NOT NULL DEFAULT 0,
    receipt_audio_files  INT         NOT NULL DEFAULT 0,
    receipt_transcripts  INT         NOT NULL DEFAULT 0,
    receipt_analyses     INT         NOT NULL DEFAULT 0,
    receipt_api_tokens   INT         NOT NULL DEFAULT 0,
    receipt_templates    INT         NOT NULL DEFAULT 0,
    completed_at         DATETIME(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_erasure_requests_kind CHECK (kind IN ('teacher', 'school'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_erasure_requests_completed ON erasure_requests (completed_at, requested_at);
CREATE INDEX ix_erasure_requests_school ON erasure_requests (school_id, requested_at);

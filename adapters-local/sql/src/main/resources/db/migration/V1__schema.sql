-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
-- Times are UTC DATETIME(3). JSON is kept in LONGTEXT because H2's JSON type stores strings quoted.
-- Names and emails compare byte for byte (utf8mb4_bin), as they do on H2.

CREATE TABLE schools (
    id         VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_schools_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE users (
    id                   VARCHAR(64)  NOT NULL,
    school_id            VARCHAR(64)  NULL,
    email                VARCHAR(320) NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    role                 ENUM('teacher', 'school_manager', 'super_admin') NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    active               BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT fk_users_school FOREIGN KEY (school_id) REFERENCES schools (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_users_school ON users (school_id);
CREATE INDEX ix_users_role ON users (role);

CREATE TABLE recordings (
    id                 VARCHAR(64)  NOT NULL,
    school_id          VARCHAR(64)  NOT NULL,
    teacher_id         VARCHAR(64)  NOT NULL,
    class_name         VARCHAR(200) NULL,
    subject            VARCHAR(100) NULL,
    grade              VARCHAR(50)  NULL,
    notes              TEXT         NULL,
    original_file_name VARCHAR(255) NULL,
    content_type       VARCHAR(255) NULL,
    size_bytes         BIGINT       NOT NULL,
    duration_seconds   DOUBLE       NULL,
    sha256             CHAR(64)     NULL,
    status             ENUM('uploading', 'queued', 'processing', 'transcribed', 'completed', 'failed') NOT NULL,
    progress_percent   INT          NOT NULL,
    attempts           INT          NOT NULL,
    error_message      TEXT         NULL,
    created_at         DATETIME(3)  NOT NULL,
    queued_at          DATETIME(3)  NULL,
    started_at         DATETIME(3)  NULL,
    finished_at        DATETIME(3)  NULL,
    audio_deleted_at   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_recordings_school FOREIGN KEY (school_id) REFERENCES schools (id),
    CONSTRAINT fk_recordings_teacher FOREIGN KEY (teacher_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Listings are newest first, narrowed by school, teacher or status.
CREATE INDEX ix_recordings_created ON recordings (created_at, id);
CREATE INDEX ix_recordings_school_created ON recordings (school_id, created_at, id);
CREATE INDEX ix_recordings_teacher_created ON recordings (teacher_id, created_at, id);
CREATE INDEX ix_recordings_status_created ON recordings (status, created_at, id);
-- Retention: completed recordings by finish time.
CREATE INDEX ix_recordings_status_finished ON recordings (status, finished_at);

CREATE TABLE transcripts (
    recording_id       VARCHAR(64)  NOT NULL,
    text               LONGTEXT     NOT NULL,
    language           VARCHAR(32)  NULL,
    engine             VARCHAR(100) NOT NULL,
    model_id           VARCHAR(200) NULL,
    segments           LONGTEXT     NOT NULL,
    words              LONGTEXT     NOT NULL,
    word_count         INT          NOT NULL,
    mean_confidence    DOUBLE       NULL,
    processing_seconds DOUBLE       NOT NULL,
    audio_seconds      DOUBLE       NOT NULL,
    created_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (recording_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

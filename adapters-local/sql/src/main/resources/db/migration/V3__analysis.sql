-- Lesson analysis: versioned templates, analyses of recordings, and each school's analysis settings.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE. JSON is kept in LONGTEXT.

-- One row per version of a template: editing adds a row with the next version, so an analysis that names
-- (template_id, version) always finds the criteria it was scored against. Deleting marks every version deleted.
CREATE TABLE analysis_templates (
    id          VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL,
    school_id   VARCHAR(64)  NULL,
    name        VARCHAR(200) NOT NULL,
    description TEXT         NULL,
    category    VARCHAR(100) NULL,
    subjects    LONGTEXT     NOT NULL,
    grades      LONGTEXT     NOT NULL,
    criteria    LONGTEXT     NOT NULL,
    deleted     BOOLEAN      NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id, version),
    CONSTRAINT fk_analysis_templates_school FOREIGN KEY (school_id) REFERENCES schools (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_analysis_templates_school ON analysis_templates (school_id);

CREATE TABLE analyses (
    id               VARCHAR(64) NOT NULL,
    recording_id     VARCHAR(64) NOT NULL,
    school_id        VARCHAR(64) NOT NULL,
    teacher_id       VARCHAR(64) NOT NULL,
    template_id      VARCHAR(64) NOT NULL,
    template_version INT         NOT NULL,
    status           ENUM('queued', 'running', 'completed', 'failed') NOT NULL,
    error_message    TEXT        NULL,
    metrics          LONGTEXT    NULL,
    criterion_scores LONGTEXT    NULL,
    overall_score    DOUBLE      NULL,
    rubric_feedback  LONGTEXT    NULL,
    lesson_at        DATETIME(3) NOT NULL,
    created_at       DATETIME(3) NOT NULL,
    started_at       DATETIME(3) NULL,
    finished_at      DATETIME(3) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_analyses_template FOREIGN KEY (template_id, template_version)
        REFERENCES analysis_templates (id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_analyses_recording ON analyses (recording_id, created_at, id);
CREATE INDEX ix_analyses_teacher ON analyses (teacher_id, status, lesson_at);
CREATE INDEX ix_analyses_school ON analyses (school_id, status, lesson_at);

CREATE TABLE school_analysis_settings (
    school_id                 VARCHAR(64) NOT NULL,
    hide_scores_from_teachers BOOLEAN     NOT NULL,
    default_template_id       VARCHAR(64) NULL,
    rubric_enabled            BOOLEAN     NOT NULL,
    PRIMARY KEY (school_id),
    CONSTRAINT fk_school_analysis_settings_school FOREIGN KEY (school_id) REFERENCES schools (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

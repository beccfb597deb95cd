-- Each school's privacy choices: whether students' names are replaced in its transcripts, the class list that names
-- them (one name per line), and how many days a transcript is kept after its lesson completes (null: as long as the
-- lesson). MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
CREATE TABLE school_privacy (
    school_id                 VARCHAR(64) NOT NULL,
    redact_student_names      BOOLEAN     NOT NULL,
    class_list                LONGTEXT    NOT NULL,
    transcript_retention_days INT         NULL,
    PRIMARY KEY (school_id),
    CONSTRAINT fk_school_privacy_school FOREIGN KEY (school_id) REFERENCES schools (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The super admin's system-wide choices: one row (id 1). Null columns leave the deployment's configuration in force.
CREATE TABLE system_settings (
    id                  INT          NOT NULL,
    transcription_model VARCHAR(100) NULL,
    rubric_provider     VARCHAR(20)  NULL,
    rubric_base_url     VARCHAR(500) NULL,
    rubric_model        VARCHAR(200) NULL,
    updated_at          DATETIME(3)  NULL,
    updated_by          VARCHAR(64)  NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

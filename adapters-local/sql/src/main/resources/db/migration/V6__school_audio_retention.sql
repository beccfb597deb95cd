-- A school's own audio retention (seconds; null: the installation's AUDIO_RETENTION), and the index the hourly
-- retention run reads each school's due audio through. MySQL dialect that also runs on H2 in MODE=MySQL.
ALTER TABLE school_analysis_settings ADD COLUMN audio_retention_seconds BIGINT NULL;

CREATE INDEX ix_recordings_school_status_finished ON recordings (school_id, status, finished_at);

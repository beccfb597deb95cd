-- What the API's live event stream reads: when each recording last changed, and which recordings were deleted.
-- The database sets changed_at itself on every insert and on every update that changes a value, so a change made
-- by any process (a worker on another host included) is seen. MySQL dialect that also runs on H2 in MODE=MySQL.
-- changed_at is in the database's own clock and zone: it is only ever compared with other changed_at values.

ALTER TABLE recordings
    ADD COLUMN changed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3);

CREATE INDEX ix_recordings_changed ON recordings (changed_at);

-- A tombstone per deleted recording, kept about an hour (long enough for every API process to pass it on).
CREATE TABLE recording_deletions (
    recording_id VARCHAR(64) NOT NULL,
    school_id    VARCHAR(64) NOT NULL,
    teacher_id   VARCHAR(64) NOT NULL,
    deleted_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (recording_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_recording_deletions_deleted ON recording_deletions (deleted_at);

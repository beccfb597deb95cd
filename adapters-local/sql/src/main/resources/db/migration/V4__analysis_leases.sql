-- A running analysis is held by one run under a lease, like a queue job: run_id names the run that holds (or last
-- held) it, and lease_until is when the hold ends unless the run renews it. Once it has ended (the worker died), the
-- next worker that handles the recording takes the analysis over. Rows running before this migration have no lease
-- and count as ended.
-- The speaking rate per 5-minute window of a completed analysis (JSON), measured with its metrics.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
ALTER TABLE analyses ADD COLUMN run_id VARCHAR(64) NULL;
ALTER TABLE analyses ADD COLUMN lease_until DATETIME(3) NULL;
ALTER TABLE analyses ADD COLUMN speaking_rate_windows LONGTEXT NULL;

-- How sure a completed analysis can be of what it measured (JSON, TranscriptQuality): the speech engine and model,
-- the mean word confidence and the share of low-confidence words (null when the engine gives no word confidence),
-- the speaker estimate's confidence, and why the analysis is low confidence (null when it is not). Null for analyses
-- completed before this migration and for those not completed.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.
ALTER TABLE analyses ADD COLUMN transcript_quality LONGTEXT NULL;

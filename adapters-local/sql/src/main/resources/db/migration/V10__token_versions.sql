-- Token versions: every access token (JWT claim "tv") and personal API token carries the user's token version at
-- issue time; a password change, a reset, deactivation and sign-out raise the user's version, so everything issued
-- before stops working. Existing tokens and rows read as version 0. MySQL dialect that also runs on H2 in MODE=MySQL.
ALTER TABLE users ADD COLUMN token_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN user_token_version BIGINT NOT NULL DEFAULT 0;

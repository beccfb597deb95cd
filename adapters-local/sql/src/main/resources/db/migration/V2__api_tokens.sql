-- Personal API tokens for programs. Only the SHA-256 of a token's secret is kept (hex, 64 characters): the secret
-- itself is shown once, when the token is made. Lookups go by that hash, hence its unique index.
-- MySQL dialect that also runs unchanged on H2 in MODE=MySQL;DATABASE_TO_LOWER=TRUE.

CREATE TABLE api_tokens (
    id           VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    last_used_at DATETIME(3)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_tokens_secret_hash UNIQUE (secret_hash),
    CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A user's tokens, oldest first.
CREATE INDEX ix_api_tokens_user_created ON api_tokens (user_id, created_at, id);

package org.classreflect.worker.config;

import java.util.Locale;

/**
 * Every configuration setting, with its default and meaning. Each is read from the environment variable of its name,
 * or from the system property of the same name in lower case with dots ({@code CLASSREFLECT_DATA_DIR} ->
 * {@code classreflect.data.dir}). The README's settings table lists exactly these.
 */
public enum Setting {
    DATA_DIR("./data", "Directory for everything local mode keeps: database, audio, models, keys"),
    HOST("0.0.0.0", "Interface the HTTP server listens on"),
    PORT("8080", "HTTP port (0 picks a free one)"),
    DB_URL("", "JDBC URL; empty means an embedded H2 database in the data directory. For MySQL/Aurora: "
            + "jdbc:mysql://host:3306/classreflect"),
    DB_USER("", "Database user"),
    DB_PASSWORD("", "Database password"),
    DB_POOL_SIZE("10", "Largest number of database connections"),
    AUDIO_DIR("", "Where uploaded audio is kept; empty means DATA_DIR/audio"),
    MAX_UPLOAD_MB("500", "Largest accepted upload, in megabytes"),
    WHISPER_MODEL("", "Path of the whisper.cpp ggml model; empty means DATA_DIR/models/ggml-base.en.bin"),
    TOKEN_KEY("", "Base64 key (32 bytes or more) that signs access tokens; empty means one generated and kept in "
            + "DATA_DIR/keys"),
    TOKEN_TTL("12h", "How long an access token stays valid"),
    ADMIN_EMAIL("admin@classreflect.local", "Email of the super admin created on first start"),
    ADMIN_PASSWORD("", "Password of that super admin; empty means a random one, printed once"),
    AUDIO_RETENTION("24h", "How long audio is kept after its recording completes (transcripts stay)"),
    WORKER_THREADS("1", "Workers the API process runs in local mode (0: none, run app-worker instead)"),
    WORKER_MAX_ATTEMPTS("3", "Attempts per recording before it is marked failed and dead-lettered"),
    WORKER_LEASE("10m", "How long a job stays hidden from other workers; renewed while it runs"),
    WORKER_RETRY_BACKOFF("30s", "Wait before the second attempt; doubled for each further one"),
    WORKER_POLL_WAIT("5s", "How long one poll of the queue waits for a job"),
    WORKER_SHUTDOWN_GRACE("20s", "On SIGTERM, how long the job in progress may take to finish before it is handed back"),
    MODE("local", "Which adapters serve the ports: local (embedded database, files, in-memory queue) or aws (S3, SQS, "
            + "Secrets Manager, Aurora MySQL)"),
    AWS_REGION("", "AWS region; empty means the SDK's default chain (AWS_REGION, the profile, instance metadata)"),
    S3_BUCKET("", "aws mode: the bucket that keeps the audio"),
    S3_PREFIX("audio/", "aws mode: key prefix of the audio objects (empty, or ending with /)"),
    S3_KMS_KEY_ID("", "aws mode: KMS key for SSE-KMS; empty means SSE-S3 (AES256)"),
    SQS_QUEUE_URL("", "aws mode: URL of the job queue"),
    SQS_DLQ_URL("", "aws mode: URL of its dead-letter queue"),
    DB_SECRET_ID("", "aws mode: Secrets Manager id of the database secret (host, port, username, password, dbname); "
            + "empty means DB_URL, DB_USER and DB_PASSWORD"),
    TOKEN_KEY_SECRET_ID("", "aws mode: Secrets Manager id of the token signing key (base64, 32 bytes or more); empty "
            + "means TOKEN_KEY"),
    SECRETS_REFRESH("1h", "aws mode: how long a secret read from Secrets Manager is kept before it is read again"),
    S3_ENDPOINT("", "aws mode: S3 endpoint override (a local emulator); empty means AWS"),
    SQS_ENDPOINT("", "aws mode: SQS endpoint override; empty means AWS"),
    SECRETS_ENDPOINT("", "aws mode: Secrets Manager endpoint override; empty means AWS");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String environmentName() {
        return "CLASSREFLECT_" + name();
    }

    public String propertyName() {
        return "classreflect." + name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}

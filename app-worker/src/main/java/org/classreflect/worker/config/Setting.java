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
    MAX_DURATION("4h", "Longest accepted recording; longer uploads are refused (413) once their sound is decoded"),
    ENGINE("whisper", "Speech engine: whisper (whisper.cpp, needs a model) or pocketsphinx (Debian's pocketsphinx and "
            + "pocketsphinx-en-us packages; far less accurate, no model download)");

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

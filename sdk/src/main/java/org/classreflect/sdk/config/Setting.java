package org.classreflect.sdk.config;

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
    HTTP_IDLE_TIMEOUT("30s", "How long a connection may send and receive nothing (also bounds reading a request's "
            + "line and headers) before the server closes it; keep it above 15 s, the event stream's keep-alive "
            + "interval"),
    HTTP_MIN_READ_RATE("1024", "Bytes per second a request body must average once HTTP_MIN_READ_GRACE has passed; "
            + "slower bodies get 408 (0: no minimum)"),
    HTTP_MIN_READ_GRACE("10s", "How long a request body may arrive slower than HTTP_MIN_READ_RATE at its start"),
    HTTP_MAX_CONNECTIONS("1000", "Open connections the server accepts; beyond it new connections wait to be accepted"),
    HTTP_MAX_REQUESTS("64", "Requests handled at once (the event stream not counted); more wait up to "
            + "HTTP_QUEUE_WAIT, then get 503 with Retry-After"),
    HTTP_QUEUE_WAIT("2s", "How long a request waits for one of the HTTP_MAX_REQUESTS places before 503"),
    HTTP_MAX_QUEUED("256", "Requests that may wait for a place at once; more get 503 at once"),
    HTTP_RETRY_AFTER("5s", "The Retry-After a saturated server answers with 503"),
    MAX_CONCURRENT_UPLOADS("4", "Uploads received at once; more get 503 with Retry-After and the number in progress"),
    TRUST_FORWARDED_HEADERS("false", "true behind a reverse proxy that sets X-Forwarded-For/-Proto (and strips them "
            + "from clients): the server then takes the client's address and https from them, e.g. for HSTS"),
    DB_URL("", "JDBC URL; empty means an embedded H2 database in the data directory. For MySQL/Aurora: "
            + "jdbc:mysql://host:3306/classreflect"),
    DB_USER("", "Database user"),
    DB_PASSWORD("", "Database password"),
    DB_POOL_SIZE("10", "Largest number of database connections"),
    AUDIO_DIR("", "Where uploaded audio is kept; empty means DATA_DIR/audio"),
    MAX_UPLOAD_MB("500", "Largest accepted upload, in megabytes"),
    AUDIO_MIN_FREE_MB("1024", "Free space (MB) the local audio store must keep: below it /ready reports the store "
            + "and uploads get 503 until space is freed; 0 turns the check off"),
    WHISPER_MODEL("", "Path of the whisper.cpp ggml model; empty means DATA_DIR/models/ggml-base.en.bin"),
    TOKEN_KEY("", "Base64 key (32 bytes or more) that signs access tokens; empty means one generated and kept in "
            + "DATA_DIR/keys"),
    TOKEN_TTL("12h", "How long an access token stays valid"),
    ADMIN_EMAIL("admin@classreflect.local", "Email of the super admin created on first start"),
    ADMIN_PASSWORD("", "Password of that super admin; empty means a random one, printed once"),
    AUDIO_RETENTION("24h", "How long audio is kept after its recording completes (transcripts stay), for schools "
            + "that chose no period of their own"),
    WORKER_THREADS("1", "Workers the API process runs in local mode (0: none, run app-worker instead)"),
    WORKER_MAX_ATTEMPTS("3", "Attempts per recording before it is marked failed and dead-lettered"),
    WORKER_LEASE("10m", "How long a job stays hidden from other workers; renewed while it runs"),
    WORKER_RETRY_BACKOFF("30s", "Wait before the second attempt; doubled for each further one"),
    WORKER_POLL_WAIT("5s", "How long one poll of the queue waits for a job"),
    WORKER_SHUTDOWN_GRACE("20s", "On SIGTERM, how long the job in progress may take to finish before it is handed back"),
    RUBRIC_PROVIDER("none", "Language model for rubric feedback: none, openai (any OpenAI-compatible server) or bedrock"),
    RUBRIC_BASE_URL("https://api.openai.com/v1", "API root of the OpenAI-compatible server, e.g. "
            + "http://localhost:11434/v1 for Ollama, https://openrouter.ai/api/v1"),
    RUBRIC_API_KEY("", "API key sent as a bearer token; empty sends none (Ollama, vLLM, LM Studio)"),
    RUBRIC_MODEL("", "Model name (openai) or Bedrock model id or inference profile (bedrock); required unless none"),
    RUBRIC_JSON_MODE("true", "Ask the OpenAI-compatible server for a JSON object (response_format); false for servers "
            + "that refuse it"),
    RUBRIC_TIMEOUT("120s", "How long one request to the language model may take"),
    RUBRIC_MAX_ATTEMPTS("3", "Answers asked for before rubric feedback fails when answers keep failing validation"),
    RUBRIC_TIMESTAMP_TOLERANCE("5s", "How far a quote's stated time may lie outside the excerpt it comes from"),
    RUBRIC_REQUEST_ATTEMPTS("4", "Tries of one request to the language model on timeouts, 429 and 5xx"),
    RUBRIC_RETRY_BACKOFF("2s", "Wait before the second try of a request; doubled for each further one, with jitter; "
            + "a Retry-After from the server wins"),
    RUBRIC_RETRY_MAX_WAIT("60s", "Longest wait between tries; a Retry-After longer than this fails the request"),
    BEDROCK_REGION("", "AWS region of Bedrock; empty means the SDK's default region chain"),
    BEDROCK_ENDPOINT("", "Bedrock runtime endpoint to use instead of the region's (e.g. a VPC endpoint)"),
    MODELS_DIR("", "Where `models pull` puts Whisper models and where jobs find the models they name; empty means "
            + "the directory of WHISPER_MODEL"),
    MODELS_URL("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/", "Where `models pull` downloads "
            + "ggml-<name>.bin from (a mirror may be given)"),
    WHISPER_LANGUAGE("auto", "Language of the lessons as a code such as en or fr, or auto to detect it (.en models "
            + "always use English)"),
    WHISPER_THREADS("0", "CPU threads for one transcription (0: all processors)"),
    WHISPER_PROMPT("", "Words and names to expect (class names, subject terms), given to Whisper as a prompt"),
    WHISPER_TEMPERATURE_STEP("0.2", "When a stretch decodes badly (repetitive or unlikely text), raise the "
            + "temperature by this and try again; 0 turns the fallback off"),
    WHISPER_NO_SPEECH_THRESHOLD("0.6", "Above this no-speech probability (0..1), with unlikely text, a stretch is "
            + "taken as silence"),
    WHISPER_WINDOW("5m", "How much audio is transcribed at a time: bounds memory, and progress is reported after "
            + "each window"),
    FLEET("none", "The worker hosts the scaler starts and stops: none, ec2 (EC2 instances) or ecs (Fargate tasks)"),
    SCALE_MIN_WORKERS("0", "Workers the scaler keeps running even with no work (0: idle schools cost nothing)"),
    SCALE_MAX_WORKERS("20", "Workers the scaler never goes beyond"),
    SCALE_BACKLOG_PER_WORKER("2", "Jobs (waiting or in progress) the scaler plans for each worker"),
    SCALE_IDLE_GRACE("5m", "How long a worker must have been idle before the scaler stops it"),
    SCALE_MAX_STARTS("5", "Workers one scaling decision starts at most"),
    SCALE_BUDGET_PER_HOUR("4.00", "Dollars per hour the running and starting workers may cost together"),
    SCALE_WORKER_PRICE_PER_HOUR("0.1664", "Dollars per hour one worker costs (t3.xlarge on demand)"),
    SCALE_INTERVAL("60s", "How often `scale --every` decides when no interval is given"),
    OPENAI_MAX_CONCURRENT("1", "Transcriptions the OpenAI-compatible endpoint runs at once; more get 429"),
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
    SECRETS_ENDPOINT("", "aws mode: Secrets Manager endpoint override; empty means AWS"),
    MAX_DURATION("4h", "Longest accepted recording; longer uploads are refused (413) once their sound is decoded"),
    ENGINE("whisper", "Speech engine: whisper (whisper.cpp, needs a model) or pocketsphinx (Debian's pocketsphinx and "
            + "pocketsphinx-en-us packages; far less accurate, no model download)"),
    LOG_FORMAT("text", "Log lines as text (one readable line each) or json (one JSON object each, with the request and "
            + "recording ids as fields), for a log collector"),
    LOG_REQUEST_SAMPLE("10", "One in this many successful HTTP requests is logged (1: all; 0: none); every answer of "
            + "400 and above is logged"),
    METRICS_PORT("", "Port of a listener of its own that serves only GET /metrics (Prometheus text); empty: none, "
            + "0 picks a free one"),
    METRICS_HOST("127.0.0.1", "Interface the METRICS_PORT listener binds to"),
    METRICS_TOKEN("", "Bearer token a scraper must send for /metrics (on METRICS_PORT, and on the API's own port, "
            + "which serves /metrics only when this is set)"),
    EC2_POOL_TAG("classreflect:role=worker", "ec2 fleet: the tag key=value that marks the pool of worker instances"),
    EC2_ENDPOINT("", "ec2 fleet: EC2 endpoint override; empty means AWS"),
    IMDS_ENDPOINT("", "ec2 fleet: instance metadata endpoint override; empty means the instance's own"),
    ECS_CLUSTER("", "ecs fleet: the cluster worker tasks run in"),
    ECS_TASK_DEFINITION("", "ecs fleet: the worker task definition (family, family:revision or ARN)"),
    ECS_SUBNETS("", "ecs fleet: comma-separated private subnet ids for worker tasks"),
    ECS_SECURITY_GROUPS("", "ecs fleet: comma-separated security group ids for worker tasks"),
    ECS_CONTAINER("worker", "ecs fleet: the worker container's name in the task definition"),
    ECS_ENDPOINT("", "ecs fleet: ECS endpoint override; empty means AWS"),
    AUDIO_RETENTION_MAX("30d", "Longest audio retention a school manager may choose for the school (at least 1h); "
            + "AUDIO_RETENTION applies to schools that choose none"),
    HTTPS("false", "true: the HTTP server speaks HTTPS only, with TLS_KEYSTORE or else a self-signed certificate made once "
            + "in DATA_DIR/keys (its SHA-256 fingerprint is logged at every start)"),
    TLS_KEYSTORE("", "PKCS12 file with the operator's certificate and private key for HTTPS"),
    TLS_KEYSTORE_PASSWORD("", "Password of TLS_KEYSTORE"),
    ACCESS_LOG_RETENTION("400d", "How long access log entries (who read, exported or changed what, sign-ins, "
            + "erasures) are kept, apart from the data they name (at least 1d)");

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

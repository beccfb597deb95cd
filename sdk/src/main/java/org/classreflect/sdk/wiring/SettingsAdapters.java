package org.classreflect.sdk.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.aws.AwsClients;
import org.classreflect.adapters.aws.queue.SqsJobQueue;
import org.classreflect.adapters.aws.secrets.DatabaseSecret;
import org.classreflect.adapters.aws.secrets.SecretsManagerSecrets;
import org.classreflect.adapters.aws.storage.S3AudioStore;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.adapters.security.Argon2PasswordHasher;
import org.classreflect.adapters.security.JwtTokenService;
import org.classreflect.adapters.security.SigningKeys;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiSystemChoices;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.system.ChosenModelTranscriber;
import org.classreflect.core.scaling.ScaleFleet;
import org.classreflect.core.scaling.ScalingConfig;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.ClassReflect;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.Limits;
import org.classreflect.sdk.config.Mode;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/**
 * The product's choice of adapters, from its settings. Local: SQL database (embedded H2 or the given URL), audio files
 * on disk, in-memory queue, a generated or configured token key. AWS: the same SQL code on Aurora MySQL with
 * credentials from Secrets Manager, S3, SQS, and the token key from Secrets Manager. Both apps build on this.
 */
public final class SettingsAdapters {

    private SettingsAdapters() {
    }

    /**
     * A builder with every adapter chosen from the settings.
     *
     * @param engine     the speech engine (see {@link Transcribers}); the super admin's model choice is laid over it
     * @param membership whether this process is a worker host of a fleet the scaler manages
     */
    public static ClassReflect.Builder configure(Settings s, Transcriber engine, FleetMembership membership) {
        return configure(s, engine, membership, Optional.empty());
    }

    /** The same, with the work, the database pool and the queue measured into the process's metrics. */
    public static ClassReflect.Builder configure(Settings s, Transcriber engine, FleetMembership membership,
                                                 ProcessMetrics metrics) {
        return configure(s, engine, membership, Optional.of(metrics));
    }

    private static ClassReflect.Builder configure(Settings s, Transcriber engine, FleetMembership membership,
                                                  Optional<ProcessMetrics> metrics) {
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        Limits limits = Limits.from(s, s.dataDir().resolve("tmp"));
        AwsClients aws = s.mode() == Mode.AWS ? awsClients(s) : null;
        SecretsManagerSecrets secrets = aws == null ? null
                : new SecretsManagerSecrets(aws.secretsManager(), s.duration(Setting.SECRETS_REFRESH), clock);
        Database db = database(s, secrets);
        ClassReflect.Builder builder = ClassReflect.builder().clock(clock).limits(limits).database(db)
                .logContext(new MdcLogContext());
        if (s.mode() == Mode.AWS && s.integer(Setting.WORKER_THREADS) == 0) {
            builder.readyWithoutSpeech(); // an API container that runs no workers
        }
        if (aws != null) {
            builder.closeWith(aws);
        }
        var choices = new JdbiSystemChoices(db.jdbi());
        if (aws != null) {
            builder.jobQueue(membership.observe(jobQueue(s, limits, clock, aws), clock));
        } // else the builder's own in-process queue, refilled from the database at start
        metrics.ifPresent(m -> {
            m.watchDatabase(db);
            builder.workMetrics(m.work());
        });
        return builder.audioStore(audioStore(s, aws))
                .audioDecoder(new FfmpegAudioDecoder())
                .transcriber(new ChosenModelTranscriber(engine, choices))
                .rubricAnalyzer(new ChosenRubricAnalyzer(s, choices))
                .passwords(new Argon2PasswordHasher(), new JwtTokenService(tokenKey(s, secrets),
                        s.duration(Setting.TOKEN_TTL), clock));
    }

    /** The scaler's view: the queue the workers take jobs from, and the fleet it starts and stops. */
    public static ScaleFleet scaler(Settings s, WorkerFleet fleet) {
        Clock clock = Clock.systemUTC();
        Limits limits = Limits.from(s, s.dataDir().resolve("tmp"));
        return new ScaleFleet(jobQueue(s, limits, clock, s.mode() == Mode.AWS ? awsClients(s) : null), fleet,
                scalingConfig(s), clock);
    }

    public static ScalingConfig scalingConfig(Settings s) {
        return new ScalingConfig(s.integer(Setting.SCALE_MIN_WORKERS), s.integer(Setting.SCALE_MAX_WORKERS),
                s.integer(Setting.SCALE_BACKLOG_PER_WORKER), s.duration(Setting.SCALE_IDLE_GRACE),
                s.integer(Setting.SCALE_MAX_STARTS), s.decimal(Setting.SCALE_BUDGET_PER_HOUR),
                s.decimal(Setting.SCALE_WORKER_PRICE_PER_HOUR));
    }

    private static AwsClients awsClients(Settings s) {
        return new AwsClients(s.optional(Setting.AWS_REGION), new AwsClients.Endpoints(
                s.optional(Setting.S3_ENDPOINT).map(URI::create),
                s.optional(Setting.SQS_ENDPOINT).map(URI::create),
                s.optional(Setting.SECRETS_ENDPOINT).map(URI::create)));
    }

    /**
     * The database the settings name, for a one-off command (the API's and the worker's come with their builder);
     * in AWS mode its credentials may come from Secrets Manager.
     */
    public static Database database(Settings s) {
        if (s.mode() != Mode.AWS) {
            return database(s, null);
        }
        try (AwsClients aws = awsClients(s)) {
            return database(s, new SecretsManagerSecrets(aws.secretsManager(), s.duration(Setting.SECRETS_REFRESH),
                    Clock.systemUTC()));
        }
    }

    private static Database database(Settings s, SecretsManagerSecrets secrets) {
        int pool = s.integer(Setting.DB_POOL_SIZE);
        if (s.mode() == Mode.AWS && s.optional(Setting.DB_SECRET_ID).isPresent()) {
            DatabaseSecret db = secrets.database(s.text(Setting.DB_SECRET_ID));
            return Database.connect(db.jdbcUrl(), db.username(), db.password(), pool);
        }
        if (s.mode() == Mode.AWS) {
            // Never an embedded database: the API and the workers run in different places and must share one.
            return Database.connect(s.required(Setting.DB_URL), s.text(Setting.DB_USER),
                    s.text(Setting.DB_PASSWORD), pool);
        }
        return s.optional(Setting.DB_URL)
                .map(url -> Database.connect(url, s.text(Setting.DB_USER), s.text(Setting.DB_PASSWORD), pool))
                .orElseGet(() -> Database.embedded(s.dataDir()));
    }

    private static AudioStore audioStore(Settings s, AwsClients aws) {
        if (aws != null) {
            return new S3AudioStore(aws.s3(), aws.s3Presigner(), S3AudioStore.Config.of(
                    s.required(Setting.S3_BUCKET), s.text(Setting.S3_PREFIX), s.optional(Setting.S3_KMS_KEY_ID)));
        }
        return new FilesystemAudioStore(s.audioDir());
    }

    /**
     * Local: one more receive than the worker's attempts, since the queue's own redrive is only a safety net. AWS:
     * the same limit is the SQS queue's RedrivePolicy (see docs/deployment-aws.md); the lease is the visibility.
     */
    private static JobQueue jobQueue(Settings s, Limits limits, Clock clock, AwsClients aws) {
        if (aws != null) {
            return new SqsJobQueue(aws.sqs(), new SqsJobQueue.Config(s.required(Setting.SQS_QUEUE_URL),
                    s.required(Setting.SQS_DLQ_URL), limits.worker().lease()));
        }
        return new InMemoryJobQueue(limits.worker().lease(), limits.worker().maxAttempts() + 1, clock);
    }

    private static byte[] tokenKey(Settings s, SecretsManagerSecrets secrets) {
        if (secrets != null) {
            // Never a generated key: every API replica must sign and check tokens with the same one.
            return s.optional(Setting.TOKEN_KEY_SECRET_ID).map(secrets::tokenSigningKey)
                    .orElseGet(() -> SigningKeys.fromBase64(s.required(Setting.TOKEN_KEY)));
        }
        try {
            return s.optional(Setting.TOKEN_KEY).isPresent() ? SigningKeys.fromBase64(s.text(Setting.TOKEN_KEY))
                    : SigningKeys.loadOrCreate(s.dataDir().resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key", e);
        }
    }
}

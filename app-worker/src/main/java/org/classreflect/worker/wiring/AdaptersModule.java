package org.classreflect.worker.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.classreflect.adapters.aws.AwsClients;
import org.classreflect.adapters.aws.queue.SqsJobQueue;
import org.classreflect.adapters.aws.secrets.DatabaseSecret;
import org.classreflect.adapters.aws.secrets.SecretsManagerSecrets;
import org.classreflect.adapters.aws.storage.S3AudioStore;
import org.classreflect.adapters.local.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.local.queue.InMemoryJobQueue;
import org.classreflect.adapters.local.security.Argon2PasswordHasher;
import org.classreflect.adapters.local.security.JwtTokenService;
import org.classreflect.adapters.local.security.SigningKeys;
import org.classreflect.adapters.local.sql.Database;
import org.classreflect.adapters.local.sql.DatabaseProbe;
import org.classreflect.adapters.local.sql.JdbiApiTokens;
import org.classreflect.adapters.local.sql.JdbiRecordingChanges;
import org.classreflect.adapters.local.sql.JdbiRecordings;
import org.classreflect.adapters.local.sql.JdbiSchools;
import org.classreflect.adapters.local.sql.JdbiTranscripts;
import org.classreflect.adapters.local.sql.JdbiUsers;
import org.classreflect.adapters.local.storage.FilesystemAudioStore;
import org.classreflect.core.apitoken.ApiTokens;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.health.AudioStoreProbe;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.health.TranscriberProbe;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.PasswordHasher;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.DirectUploads;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.worker.config.Mode;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;

/**
 * Chooses the adapter for each port from the mode. Local: SQL database (embedded H2 or the given URL), audio files
 * on disk, in-memory queue, a generated or configured token key. AWS: the same SQL code on Aurora MySQL with
 * credentials from Secrets Manager, S3, SQS, and the token key from Secrets Manager. Both modes hash passwords and
 * sign tokens the same way.
 */
@Module
public final class AdaptersModule {

    private AdaptersModule() {
    }

    @Provides
    @Singleton
    static Database database(Settings s, Provider<SecretsManagerSecrets> secrets) {
        int pool = s.integer(Setting.DB_POOL_SIZE);
        if (s.mode() == Mode.AWS && s.optional(Setting.DB_SECRET_ID).isPresent()) {
            DatabaseSecret db = secrets.get().database(s.text(Setting.DB_SECRET_ID));
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

    @Provides
    @Singleton
    static AwsClients awsClients(Settings s) {
        return new AwsClients(s.optional(Setting.AWS_REGION), new AwsClients.Endpoints(
                s.optional(Setting.S3_ENDPOINT).map(URI::create),
                s.optional(Setting.SQS_ENDPOINT).map(URI::create),
                s.optional(Setting.SECRETS_ENDPOINT).map(URI::create)));
    }

    @Provides
    @Singleton
    static SecretsManagerSecrets secrets(Settings s, AwsClients aws, Clock clock) {
        return new SecretsManagerSecrets(aws.secretsManager(), s.duration(Setting.SECRETS_REFRESH), clock);
    }

    @Provides
    @Singleton
    static Schools schools(Database db) {
        return new JdbiSchools(db.jdbi());
    }

    @Provides
    @Singleton
    static Users users(Database db) {
        return new JdbiUsers(db.jdbi());
    }

    @Provides
    @Singleton
    static Recordings recordings(Database db) {
        return new JdbiRecordings(db.jdbi());
    }

    @Provides
    @Singleton
    static RecordingChanges recordingChanges(Database db) {
        return new JdbiRecordingChanges(db.jdbi());
    }

    @Provides
    @Singleton
    static Transcripts transcripts(Database db) {
        return new JdbiTranscripts(db.jdbi());
    }

    /** Browser-to-storage uploads, where the audio store can take them (S3); the local store cannot. */
    @Provides
    @Singleton
    static Optional<DirectUploads> directUploads(AudioStore store) {
        return store instanceof DirectUploads direct ? Optional.of(direct) : Optional.empty();
    }

    @Provides
    @Singleton
    static AudioDecoder audioDecoder() {
        return new FfmpegAudioDecoder();
    }

    @Provides
    @Singleton
    static ApiTokens apiTokens(Database db) {
        return new JdbiApiTokens(db.jdbi());
    }

    @Provides
    @Singleton
    static AudioStore audioStore(Settings s, Provider<AwsClients> aws) {
        if (s.mode() == Mode.AWS) {
            return new S3AudioStore(aws.get().s3(), aws.get().s3Presigner(), S3AudioStore.Config.of(
                    s.required(Setting.S3_BUCKET), s.text(Setting.S3_PREFIX), s.optional(Setting.S3_KMS_KEY_ID)));
        }
        return new FilesystemAudioStore(s.audioDir());
    }

    /**
     * Local: one more receive than the worker's attempts, since the queue's own redrive is only a safety net. AWS:
     * the same limit is the SQS queue's RedrivePolicy (see docs/deployment-aws.md); the lease is the visibility.
     */
    @Provides
    @Singleton
    static JobQueue jobQueue(Settings s, WorkerSettings worker, Clock clock, Provider<AwsClients> aws,
                             FleetMembership membership) {
        JobQueue queue = s.mode() == Mode.AWS
                ? new SqsJobQueue(aws.get().sqs(), new SqsJobQueue.Config(s.required(Setting.SQS_QUEUE_URL),
                        s.required(Setting.SQS_DLQ_URL), worker.lease()))
                : new InMemoryJobQueue(worker.lease(), worker.maxAttempts() + 1, clock);
        return membership.observe(queue, clock);
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    @Provides
    @Singleton
    static TokenService tokenService(Settings s, Clock clock, Provider<SecretsManagerSecrets> secrets) {
        if (s.mode() == Mode.AWS) {
            // Never a generated key: every API replica must sign and check tokens with the same one.
            byte[] key = s.optional(Setting.TOKEN_KEY_SECRET_ID).map(id -> secrets.get().tokenSigningKey(id))
                    .orElseGet(() -> SigningKeys.fromBase64(s.required(Setting.TOKEN_KEY)));
            return new JwtTokenService(key, s.duration(Setting.TOKEN_TTL), clock);
        }
        byte[] key;
        try {
            key = s.optional(Setting.TOKEN_KEY).isPresent()
                    ? SigningKeys.fromBase64(s.text(Setting.TOKEN_KEY))
                    : SigningKeys.loadOrCreate(s.dataDir().resolve("keys"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key", e);
        }
        return new JwtTokenService(key, s.duration(Setting.TOKEN_TTL), clock);
    }

    @Provides
    @ElementsIntoSet
    static Set<HealthProbe> probes(Settings s, Database db, AudioStore store, Transcriber transcriber) {
        if (s.mode() == Mode.AWS && s.integer(Setting.WORKER_THREADS) == 0) {
            // An API container that runs no workers is ready without a speech model.
            return Set.of(new DatabaseProbe(db.jdbi()), new AudioStoreProbe(store));
        }
        return Set.of(new DatabaseProbe(db.jdbi()), new AudioStoreProbe(store), new TranscriberProbe(transcriber));
    }
}

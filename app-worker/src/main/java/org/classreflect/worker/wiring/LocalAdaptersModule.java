package org.classreflect.worker.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import org.classreflect.adapters.local.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.local.queue.InMemoryJobQueue;
import org.classreflect.adapters.local.security.Argon2PasswordHasher;
import org.classreflect.adapters.local.security.JwtTokenService;
import org.classreflect.adapters.local.security.SigningKeys;
import org.classreflect.adapters.local.sql.Database;
import org.classreflect.adapters.local.sql.DatabaseProbe;
import org.classreflect.adapters.local.sql.JdbiRecordings;
import org.classreflect.adapters.local.sql.JdbiSchools;
import org.classreflect.adapters.local.sql.JdbiTranscripts;
import org.classreflect.adapters.local.sql.JdbiUsers;
import org.classreflect.adapters.local.storage.FilesystemAudioStore;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.health.AudioStoreProbe;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.health.TranscriberProbe;
import org.classreflect.core.pipeline.WorkerSettings;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.PasswordHasher;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.TokenService;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.JobQueue;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;

/** The ports served by adapters on this host: SQL database, audio files on disk, in-memory queue, local security. */
@Module
public final class LocalAdaptersModule {

    private LocalAdaptersModule() {
    }

    @Provides
    @Singleton
    static Database database(Settings s) {
        return s.optional(Setting.DB_URL)
                .map(url -> Database.connect(url, s.text(Setting.DB_USER), s.text(Setting.DB_PASSWORD),
                        s.integer(Setting.DB_POOL_SIZE)))
                .orElseGet(() -> Database.embedded(s.dataDir()));
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
    static Transcripts transcripts(Database db) {
        return new JdbiTranscripts(db.jdbi());
    }

    @Provides
    @Singleton
    static AudioStore audioStore(Settings s) {
        return new FilesystemAudioStore(s.audioDir());
    }

    @Provides
    @Singleton
    static AudioDecoder audioDecoder() {
        return new FfmpegAudioDecoder();
    }

    /** One more receive than the worker's attempts: the queue's own redrive is only a safety net. */
    @Provides
    @Singleton
    static JobQueue jobQueue(WorkerSettings worker, Clock clock) {
        return new InMemoryJobQueue(worker.lease(), worker.maxAttempts() + 1, clock);
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    @Provides
    @Singleton
    static TokenService tokenService(Settings s, Clock clock) {
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
    static Set<HealthProbe> probes(Database db, AudioStore store, Transcriber transcriber) {
        return Set.of(new DatabaseProbe(db.jdbi()), new AudioStoreProbe(store), new TranscriberProbe(transcriber));
    }
}

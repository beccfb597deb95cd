package org.classreflect.worker.wiring;

import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import java.time.Duration;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.scaling.ScalingConfig;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;

/** Turns the configuration into the settings records the core's use cases take. */
@Module
public final class SettingsModule {

    private SettingsModule() {
    }

    /** Ticks in milliseconds: the precision the database keeps, so a value reads back as it was written. */
    @Provides
    static Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Provides
    static UploadLimits uploadLimits(Settings s) {
        return new UploadLimits(s.maxUploadBytes());
    }

    @Provides
    static AudioCheckSettings audioCheckSettings(Settings s) {
        return new AudioCheckSettings(s.duration(Setting.MAX_DURATION), s.dataDir().resolve("tmp").resolve("probe"));
    }

    @Provides
    static WorkerSettings workerSettings(Settings s) {
        return new WorkerSettings(s.integer(Setting.WORKER_MAX_ATTEMPTS), s.duration(Setting.WORKER_LEASE),
                s.duration(Setting.WORKER_RETRY_BACKOFF), s.duration(Setting.WORKER_POLL_WAIT),
                s.dataDir().resolve("tmp").resolve("work"));
    }

    @Provides
    static RetentionSettings retentionSettings(Settings s) {
        return new RetentionSettings(s.duration(Setting.AUDIO_RETENTION), s.duration(Setting.AUDIO_RETENTION_MAX),
                Duration.ofDays(1));
    }

    @Provides
    public static ScalingConfig scalingConfig(Settings s) {
        return new ScalingConfig(s.integer(Setting.SCALE_MIN_WORKERS), s.integer(Setting.SCALE_MAX_WORKERS),
                s.integer(Setting.SCALE_BACKLOG_PER_WORKER), s.duration(Setting.SCALE_IDLE_GRACE),
                s.integer(Setting.SCALE_MAX_STARTS), s.decimal(Setting.SCALE_BUDGET_PER_HOUR),
                s.decimal(Setting.SCALE_WORKER_PRICE_PER_HOUR));
    }
}

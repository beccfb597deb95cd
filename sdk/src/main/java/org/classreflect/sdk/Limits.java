package org.classreflect.sdk;

import org.classreflect.core.accesslog.AccessLogSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/** The limits the use cases work within: upload size and length, worker retries and leases, audio retention. */
public record Limits(UploadLimits upload, AudioCheckSettings audioCheck, WorkerSettings worker,
                     RetentionSettings retention, AccessLogSettings accessLog) {

    /** The product's defaults (see {@link Setting}), with scratch files under {@code scratchDir}. */
    public static Limits defaults(Path scratchDir) {
        return from(Settings.from(Map.of(), Map.of()), scratchDir);
    }

    /** The limits the settings give, with scratch files under {@code scratchDir}. */
    public static Limits from(Settings s, Path scratchDir) {
        return new Limits(new UploadLimits(s.maxUploadBytes(), s.integer(Setting.AUDIO_MIN_FREE_MB) * 1024L * 1024L),
                new AudioCheckSettings(s.duration(Setting.MAX_DURATION), scratchDir.resolve("probe")),
                new WorkerSettings(s.integer(Setting.WORKER_MAX_ATTEMPTS), s.duration(Setting.WORKER_LEASE),
                        s.duration(Setting.WORKER_RETRY_BACKOFF), s.duration(Setting.WORKER_POLL_WAIT),
                        scratchDir.resolve("work")),
                new RetentionSettings(s.duration(Setting.AUDIO_RETENTION), s.duration(Setting.AUDIO_RETENTION_MAX),
                        Duration.ofDays(1)),
                new AccessLogSettings(s.duration(Setting.ACCESS_LOG_RETENTION)));
    }
}

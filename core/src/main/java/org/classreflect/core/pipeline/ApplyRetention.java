package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.storage.AudioStore;

/** Deletes audio the retention rule no longer allows us to keep, and clears away uploads that never finished. */
public final class ApplyRetention {

    public record Report(int audioDeleted, int staleUploadsRemoved) {
    }

    private final Recordings recordings;
    private final AudioStore audioStore;
    private final RetentionSettings settings;
    private final Clock clock;

    @Inject
    public ApplyRetention(Recordings recordings, AudioStore audioStore, RetentionSettings settings, Clock clock) {
        this.recordings = recordings;
        this.audioStore = audioStore;
        this.settings = settings;
        this.clock = clock;
    }

    public Report execute() throws IOException {
        Instant now = clock.instant();
        int purged = 0;
        for (Recording r : recordings.findAudioToPurge(now.minus(settings.audioRetention()))) {
            audioStore.delete(r.audioKey());
            if (recordings.update(r.withAudioDeleted(now), RecordingStatus.COMPLETED)) {
                purged++;
            }
        }
        int stale = 0;
        for (Recording r : recordings.findStaleUploads(now.minus(settings.staleUpload()))) {
            audioStore.delete(r.audioKey());
            recordings.delete(r.id());
            stale++;
        }
        return new Report(purged, stale);
    }
}

package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.storage.AudioStore;

/** Deletes audio the retention rule no longer allows us to keep, and clears away uploads that never finished. */
public final class ApplyRetention {

    private static final Logger LOG = Logger.getLogger(ApplyRetention.class.getName());

    public record Report(int audioDeleted, int staleUploadsRemoved, int failures) {
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

    /** Each recording is handled on its own: one that cannot be deleted now never keeps the others' audio. */
    public Report execute() {
        Instant now = clock.instant();
        int purged = 0;
        int failed = 0;
        for (Recording r : recordings.findAudioToPurge(now.minus(settings.audioRetention()))) {
            try {
                audioStore.delete(r.audioKey());
                if (recordings.update(r.withAudioDeleted(now), RecordingStatus.COMPLETED)) {
                    purged++;
                }
            } catch (IOException | RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "could not delete the audio of recording " + r.id() + "; trying again later", e);
            }
        }
        int stale = 0;
        for (Recording r : recordings.findStaleUploads(now.minus(settings.staleUpload()))) {
            try {
                audioStore.delete(r.audioKey());
                recordings.delete(r.id());
                stale++;
            } catch (IOException | RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "could not clear the unfinished upload " + r.id() + "; trying again later", e);
            }
        }
        return new Report(purged, stale, failed);
    }
}

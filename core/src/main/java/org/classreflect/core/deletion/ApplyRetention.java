package org.classreflect.core.deletion;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.classreflect.core.storage.AudioStore;

/**
 * Deletes audio the retention rule no longer allows us to keep, and clears away uploads that never finished. Each
 * school's audio is kept for its own period (its choice, else the installation's), counted from each recording's
 * completion at the time of the run, so a changed period applies to lessons completed before the change too.
 */
public final class ApplyRetention {

    private static final Logger LOG = Logger.getLogger(ApplyRetention.class.getName());

    public record Report(int audioDeleted, int staleUploadsRemoved, int failures) {
    }

    private final Recordings recordings;
    private final Schools schools;
    private final SchoolSettings schoolSettings;
    private final AudioStore audioStore;
    private final RetentionSettings settings;
    private final Clock clock;

    @Inject
    public ApplyRetention(Recordings recordings, Schools schools, SchoolSettings schoolSettings, AudioStore audioStore,
                          RetentionSettings settings, Clock clock) {
        this.recordings = recordings;
        this.schools = schools;
        this.schoolSettings = schoolSettings;
        this.audioStore = audioStore;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Each school and each recording is handled on its own: one that cannot be handled now never keeps the others'
     * audio.
     */
    public Report execute() {
        Instant now = clock.instant();
        int purged = 0;
        int failed = 0;
        for (School school : schools.list()) {
            List<Recording> due;
            try {
                due = recordings.findAudioToPurge(school.id(), now.minus(
                        settings.audioRetentionFor(schoolSettings.find(school.id()).audioRetention())));
            } catch (RuntimeException e) {
                failed++;
                LOG.log(Level.WARNING, "could not find the audio due for deletion in school " + school.id()
                        + "; trying again later", e);
                continue;
            }
            for (Recording r : due) {
                try {
                    audioStore.delete(r.audioKey());
                    if (recordings.update(r.withAudioDeleted(now), RecordingStatus.COMPLETED)) {
                        purged++;
                    }
                } catch (IOException | RuntimeException e) {
                    failed++;
                    LOG.log(Level.WARNING, "could not delete the audio of recording " + r.id()
                            + "; trying again later", e);
                }
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

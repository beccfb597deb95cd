package org.classreflect.core.deletion;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.redaction.SchoolPrivacySettings;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;
import org.classreflect.core.transcript.Transcripts;

/**
 * Deletes the transcripts of the schools that keep them for a number of days, that many days after each lesson
 * completed. The recording, its metrics and analyses stay. It reads each such school's completed recordings page by
 * page (no index finds only those with a transcript), which an hourly run affords.
 */
public final class ApplyTranscriptRetention {

    private final Schools schools;
    private final SchoolPrivacySettings privacy;
    private final Recordings recordings;
    private final Transcripts transcripts;
    private final Clock clock;

    @Inject
    public ApplyTranscriptRetention(Schools schools, SchoolPrivacySettings privacy, Recordings recordings,
                                    Transcripts transcripts, Clock clock) {
        this.schools = schools;
        this.privacy = privacy;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    /** Returns how many transcripts were deleted. */
    public int execute() {
        int deleted = 0;
        for (School school : schools.list()) {
            Integer days = privacy.find(school.id()).transcriptRetentionDays();
            if (days == null) {
                continue;
            }
            Instant cutoff = clock.instant().minus(Duration.ofDays(days));
            for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
                Page<Recording> page = recordings.list(new RecordingQuery(RecordingScope.school(school.id()), null,
                        Set.of(RecordingStatus.COMPLETED), new PageRequest(offset, PageRequest.MAX_LIMIT),
                        RecordingSearch.NONE)).map(ListedRecording::recording);
                for (Recording r : page.items()) {
                    if (r.finishedAt() != null && r.finishedAt().isBefore(cutoff)
                            && transcripts.find(r.id()).isPresent()) {
                        transcripts.delete(r.id());
                        deleted++;
                    }
                }
                if (page.items().size() < PageRequest.MAX_LIMIT) {
                    break;
                }
            }
        }
        return deleted;
    }
}

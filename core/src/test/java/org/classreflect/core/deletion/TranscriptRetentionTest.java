package org.classreflect.core.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.redaction.SchoolPrivacy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApplyTranscriptRetention}: a school that keeps transcripts N days loses them after that; others keep them. */
class TranscriptRetentionTest {

    @TempDir
    Path scratch;

    @Test
    void transcriptsGoNDaysAfterTheLessonCompletedOnlyInSchoolsThatChoseSo() throws Exception {
        InMemoryCore core = new InMemoryCore(scratch);
        var worker = core.processNextJob();
        Recording ada = core.uploadAsAda();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        Recording eve = core.upload(core.eve.asActor(), null, InMemoryCore.wav(4000)).orElseThrow();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        core.stores.schoolPrivacy().save(new SchoolPrivacy(core.oak.id(), false, List.of(), 7));
        var retention = new ApplyTranscriptRetention(core.stores.schools(), core.stores.schoolPrivacy(),
                core.stores.recordings(), core.stores.transcripts(), core.clock);

        core.clock.advance(Duration.ofDays(6));
        assertThat(retention.execute()).isZero();
        core.clock.advance(Duration.ofDays(2));
        assertThat(retention.execute()).isEqualTo(1);

        assertThat(core.stores.transcripts().find(ada.id())).isEmpty();
        assertThat(core.stores.recordings().find(ada.id())).as("the lesson stays").isPresent();
        assertThat(core.stores.transcripts().find(eve.id())).as("Elm keeps transcripts").isPresent();
        assertThat(retention.execute()).isZero();
    }
}

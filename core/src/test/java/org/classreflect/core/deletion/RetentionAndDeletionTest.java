package org.classreflect.core.deletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApplyRetention} and {@link DeleteRecording} over in-memory ports. */
class RetentionAndDeletionTest {

    private static final RetentionSettings RETENTION = new RetentionSettings(Duration.ofHours(24),
            Duration.ofDays(30), Duration.ofDays(1));

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ProcessNextJob worker;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        core.seedStarterTemplates().execute();
        worker = core.processNextJob();
    }

    private Recording completedLessonOfAda() throws Exception {
        Recording r = core.uploadAsAda();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        return core.recording(r.id());
    }

    /** An upload whose process died before it finished: a row in uploading, and maybe some audio. */
    private Recording unfinishedUpload() throws Exception {
        Recording r = Recording.startUpload(Ids.newId(), core.oak.id(), core.ada.id(), RecordingMetadata.NONE,
                "half.wav", "audio/wav", core.clock.instant());
        core.stores.recordings().insert(r);
        core.audio.put(r.audioKey(), new ByteArrayInputStream(InMemoryCore.wav(100)));
        return r;
    }

    @Test
    void audioOfACompletedRecordingOlderThanTheRetentionIsDeletedAndTheTranscriptStays() throws Exception {
        Recording lesson = completedLessonOfAda();
        core.clock.advance(Duration.ofHours(24).plusMinutes(1));

        ApplyRetention.Report report = core.applyRetention(RETENTION).execute();

        assertThat(report.audioDeleted()).isEqualTo(1);
        assertThat(report.failures()).isZero();
        assertThat(core.audio.keys()).doesNotContain(lesson.audioKey());
        Recording kept = core.recording(lesson.id());
        assertThat(kept.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(kept.hasAudio()).isFalse();
        assertThat(kept.audioDeletedAt()).isEqualTo(core.clock.instant());
        assertThat(core.stores.transcripts().find(lesson.id())).isPresent();
        assertThat(core.applyRetention(RETENTION).execute().audioDeleted()).as("once only").isZero();
    }

    @Test
    void audioYoungerThanTheRetentionIsKept() throws Exception {
        Recording lesson = completedLessonOfAda();
        core.clock.advance(Duration.ofHours(23));

        assertThat(core.applyRetention(RETENTION).execute().audioDeleted()).isZero();
        assertThat(core.audio.keys()).contains(lesson.audioKey());
        assertThat(core.recording(lesson.id()).hasAudio()).isTrue();
    }

    @Test
    void audioOfAnUnfinishedJobIsKeptWhateverItsAge() throws Exception {
        Recording queued = core.uploadAsAda();
        core.clock.advance(Duration.ofDays(3));

        core.applyRetention(RETENTION).execute();

        assertThat(core.audio.keys()).contains(queued.audioKey());
        assertThat(core.recording(queued.id()).hasAudio()).isTrue();
    }

    @Test
    void eachSchoolKeepsAudioForItsOwnPeriod() throws Exception {
        Recording adas = completedLessonOfAda();
        Recording eves = core.upload(core.eve.asActor(), null, InMemoryCore.wav(4000)).orElseThrow();
        worker.runOnce();
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.elm.id(), false, null, false,
                Duration.ofDays(7)));
        core.clock.advance(Duration.ofDays(2));

        core.applyRetention(RETENTION).execute();

        assertThat(core.recording(adas.id()).hasAudio()).isFalse();
        assertThat(core.recording(eves.id()).hasAudio()).as("Elm keeps its audio a week").isTrue();
    }

    @Test
    void anUnfinishedUploadOlderThanADayIsRemovedWithItsAudio() throws Exception {
        Recording stale = unfinishedUpload();
        core.clock.advance(Duration.ofHours(12));
        Recording recent = unfinishedUpload();
        core.clock.advance(Duration.ofHours(12).plusSeconds(1));

        ApplyRetention.Report report = core.applyRetention(RETENTION).execute();

        assertThat(report.staleUploadsRemoved()).isEqualTo(1);
        assertThat(core.stores.recordings().find(stale.id())).isEmpty();
        assertThat(core.audio.keys()).doesNotContain(stale.audioKey()).contains(recent.audioKey());
        assertThat(core.stores.recordings().find(recent.id())).isPresent();
    }

    @Test
    void aDeleteRemovesTheRowTheAudioTheTranscriptAndTheAnalyses() throws Exception {
        Recording lesson = completedLessonOfAda(); // analysed with the school's default template
        assertThat(core.stores.analyses().listForRecording(lesson.id()))
                .singleElement().extracting(a -> a.status()).isEqualTo(AnalysisStatus.COMPLETED);

        Recording deleted = core.deleteRecording().execute(core.ada.asActor(), lesson.id()).orElseThrow();

        assertThat(deleted.id()).isEqualTo(lesson.id());
        assertThat(core.stores.recordings().find(lesson.id())).isEmpty();
        assertThat(core.audio.keys()).isEmpty();
        assertThat(core.stores.transcripts().find(lesson.id())).isEmpty();
        assertThat(core.stores.analyses().listForRecording(lesson.id())).isEmpty();
        assertThat(core.stores.analyses().listCompletedForTeacher(core.ada.id())).isEmpty();
    }

    @Test
    void onlySomeoneWhoMaySeeARecordingDeletesIt() throws Exception {
        Recording lesson = completedLessonOfAda();

        assertThat(reason(core.deleteRecording().execute(core.bob.asActor(), lesson.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.deleteRecording().execute(core.elmManager.asActor(), lesson.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.recordings().find(lesson.id())).isPresent();
        assertThat(core.audio.keys()).contains(lesson.audioKey());

        core.deleteRecording().execute(core.oakManager.asActor(), lesson.id()).orElseThrow();
        assertThat(core.stores.recordings().find(lesson.id())).isEmpty();
    }

    @Test
    void aDeleteAfterRetentionRemovedTheAudioStillSucceeds() throws Exception {
        Recording lesson = completedLessonOfAda();
        core.clock.advance(Duration.ofDays(2));
        core.applyRetention(RETENTION).execute();

        core.deleteRecording().execute(core.ada.asActor(), lesson.id()).orElseThrow();

        assertThat(core.stores.recordings().find(lesson.id())).isEmpty();
        assertThat(core.stores.transcripts().find(lesson.id())).isEmpty();
    }
}

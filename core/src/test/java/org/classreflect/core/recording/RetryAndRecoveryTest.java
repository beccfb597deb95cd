package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.queue.Lease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RetryRecording}, {@link org.classreflect.core.pipeline.RecoverUnfinishedJobs} and reading the transcript. */
class RetryAndRecoveryTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ProcessNextJob worker;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        worker = core.processNextJob();
    }

    private Recording failedLessonOfAda() throws Exception {
        core.transcriber.failNextCalls(InMemoryCore.MAX_ATTEMPTS);
        Recording r = core.uploadAsAda();
        for (int i = 0; i < InMemoryCore.MAX_ATTEMPTS; i++) {
            worker.runOnce();
            core.clock.advance(Duration.ofHours(1));
        }
        assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.FAILED);
        return core.recording(r.id());
    }

    @Test
    void aFailedRecordingRetriedByItsTeacherIsTranscribedThisTime() throws Exception {
        Recording failed = failedLessonOfAda();

        Recording queued = core.retryRecording().execute(core.ada.asActor(), failed.id()).orElseThrow();

        assertThat(queued.status()).isEqualTo(RecordingStatus.QUEUED);
        assertThat(queued.errorMessage()).isNull();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(core.recording(failed.id()).status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(core.getTranscript().execute(core.ada.asActor(), failed.id()).orElseThrow().text())
                .contains("plants");
    }

    @Test
    void onlyAFailedRecordingCanBeRetriedAndOnlyBySomeoneWhoSeesIt() throws Exception {
        Recording failed = failedLessonOfAda();
        Recording queued = core.uploadAsAda();

        assertThat(reason(core.retryRecording().execute(core.ada.asActor(), queued.id())))
                .isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(reason(core.retryRecording().execute(core.bob.asActor(), failed.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.retryRecording().execute(core.elmManager.asActor(), failed.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.recording(failed.id()).status()).isEqualTo(RecordingStatus.FAILED);

        worker.runOnce();
        assertThat(reason(core.retryRecording().execute(core.ada.asActor(), queued.id())))
                .as("a completed recording").isEqualTo(Rejection.Reason.CONFLICT);
    }

    @Test
    void aFailedRecordingWhoseAudioRetentionRemovedCannotBeRetried() throws Exception {
        Recording failed = failedLessonOfAda();
        // retention purges completed recordings only; mark this one's audio gone as an older release did
        core.stores.recordings().update(failed.withAudioDeleted(core.clock.instant()), RecordingStatus.FAILED);

        assertThat(reason(core.retryRecording().execute(core.ada.asActor(), failed.id())))
                .isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(core.recording(failed.id()).status()).isEqualTo(RecordingStatus.FAILED);
    }

    @Test
    void theTranscriptIsReadByWhoMaySeeTheRecordingOnceItExists() throws Exception {
        Recording r = core.uploadAsAda();
        assertThat(reason(core.getTranscript().execute(core.ada.asActor(), r.id())))
                .as("not transcribed yet").isEqualTo(Rejection.Reason.NOT_FOUND);

        worker.runOnce();

        assertThat(core.getTranscript().execute(core.ada.asActor(), r.id()).isOk()).isTrue();
        assertThat(core.getTranscript().execute(core.oakManager.asActor(), r.id()).isOk()).isTrue();
        assertThat(reason(core.getTranscript().execute(core.bob.asActor(), r.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.getTranscript().execute(core.eve.asActor(), r.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void aQueueThatLostItsMessagesGetsAJobForEveryUnfinishedRecordingAgain() throws Exception {
        Recording queued = core.uploadAsAda();
        Recording processing = core.uploadAsAda();
        Recording done = core.upload(core.eve.asActor(), null, InMemoryCore.wav(4000)).orElseThrow();
        // empty the queue as a crash of an in-memory queue would, leaving the rows as they were
        while (true) {
            Lease lease = core.queue.receive(Duration.ZERO).orElse(null);
            if (lease == null) {
                break;
            }
            core.queue.ack(lease);
        }
        core.stores.recordings().update(core.recording(processing.id()).startAttempt(core.clock.instant()),
                RecordingStatus.QUEUED);
        Recording doneNow = core.recording(done.id()).startAttempt(core.clock.instant()).transcribed(33.5)
                .completed(core.clock.instant());
        core.stores.recordings().update(doneNow, RecordingStatus.QUEUED);

        assertThat(core.recoverUnfinishedJobs().execute()).isEqualTo(2);

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.NO_JOB);
        assertThat(core.recording(queued.id()).status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(core.recording(processing.id()).status()).isEqualTo(RecordingStatus.COMPLETED);
    }
}

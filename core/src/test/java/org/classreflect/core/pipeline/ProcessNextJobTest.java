package org.classreflect.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.inmemory.DeadLetter;
import org.classreflect.core.queue.Job;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.transcript.Transcript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's step over in-memory ports: transcribed once, retried with backoff, failed and dead-lettered at last. */
class ProcessNextJobTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ProcessNextJob worker;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
        worker = core.processNextJob();
    }

    @Test
    void aQueuedRecordingGoesThroughProcessingToCompletedWithItsTranscript() throws Exception {
        Recording r = core.uploadAsAda();
        List<RecordingStatus> seenWhileTranscribing = new ArrayList<>();
        core.transcriber.whileTranscribing(() -> seenWhileTranscribing.add(core.recording(r.id()).status()));
        assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.QUEUED);

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(seenWhileTranscribing).containsExactly(RecordingStatus.PROCESSING);
        Recording done = core.recording(r.id());
        assertThat(done.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.progressPercent()).isEqualTo(100);
        assertThat(done.finishedAt()).isEqualTo(core.clock.instant());
        Transcript transcript = core.stores.transcripts().find(r.id()).orElseThrow();
        assertThat(transcript.text()).startsWith("Good morning everyone.").contains("What do plants need to grow?");
        assertThat(core.queue.snapshot().visible() + core.queue.snapshot().inFlight()).isZero();
        assertThat(core.audio.keys()).as("the audio stays until retention removes it").contains(r.audioKey());
        try (var files = Files.list(core.workerSettings().scratchDir())) {
            assertThat(files).as("the scratch copy is removed").isEmpty();
        }
    }

    @Test
    void aJobDeliveredTwiceIsTranscribedOnceAndItsTranscriptSavedOnce() throws Exception {
        Recording r = core.uploadAsAda();
        core.queue.enqueue(new Job(r.id()));

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        Transcript first = core.stores.transcripts().find(r.id()).orElseThrow();
        core.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.DISCARDED);

        assertThat(core.transcriber.calls()).isEqualTo(1);
        assertThat(core.recording(r.id()).attempts()).isEqualTo(1);
        assertThat(core.stores.transcripts().find(r.id())).hasValue(first);
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.NO_JOB);
    }

    @Test
    void aJobRedeliveredAfterTheTranscriptWasSavedDoesNotTranscribeAgain() throws Exception {
        Recording r = core.uploadAsAda();
        // a worker that died right after saving the transcript: the recording is processing, the transcript stored
        Recording processing = core.recording(r.id()).startAttempt(core.clock.instant());
        core.stores.recordings().update(processing, RecordingStatus.QUEUED);
        Transcript saved = Transcript.of(r.id(), core.transcriber.transcribe(scratch, p -> { }), 1.0,
                core.clock.instant());
        core.stores.transcripts().saveIfAbsent(saved);
        int callsBefore = core.transcriber.calls();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(core.transcriber.calls()).isEqualTo(callsBefore);
        assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(core.stores.transcripts().find(r.id())).hasValue(saved);
    }

    @Test
    void aFailedTranscriptionIsRetriedAfterTheBackoffAndCanThenSucceed() throws Exception {
        core.transcriber.failNextCalls(1);
        Recording r = core.uploadAsAda();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.RETRY_SCHEDULED);
        Recording retrying = core.recording(r.id());
        assertThat(retrying.status()).isEqualTo(RecordingStatus.PROCESSING);
        assertThat(retrying.errorMessage()).contains("attempt 1 of 3").contains("fake engine failure");
        assertThat(worker.runOnce()).as("hidden during the backoff").isEqualTo(JobOutcome.NO_JOB);

        core.clock.advance(InMemoryCore.BACKOFF.plusSeconds(1));
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        Recording done = core.recording(r.id());
        assertThat(done.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(done.errorMessage()).isNull();
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(core.queue.deadLetters()).isEmpty();
    }

    @Test
    void aTranscriberThatKeepsFailingFailsTheRecordingWithTheReasonAndDeadLettersTheJob() throws Exception {
        core.transcriber.failNextCalls(InMemoryCore.MAX_ATTEMPTS);
        Recording r = core.uploadAsAda();

        List<JobOutcome> outcomes = new ArrayList<>();
        for (int attempt = 1; attempt <= InMemoryCore.MAX_ATTEMPTS; attempt++) {
            outcomes.add(worker.runOnce());
            core.clock.advance(java.time.Duration.ofHours(1));
        }

        assertThat(outcomes).containsExactly(JobOutcome.RETRY_SCHEDULED, JobOutcome.RETRY_SCHEDULED,
                JobOutcome.FAILED);
        Recording failed = core.recording(r.id());
        assertThat(failed.status()).isEqualTo(RecordingStatus.FAILED);
        assertThat(failed.errorMessage()).contains("fake engine failure");
        assertThat(failed.attempts()).isEqualTo(InMemoryCore.MAX_ATTEMPTS);
        assertThat(core.stores.transcripts().find(r.id())).isEmpty();
        assertThat(core.queue.deadLetters()).extracting(DeadLetter::job).containsExactly(new Job(r.id()));
        assertThat(core.queue.deadLetters().get(0).reason()).contains("fake engine failure");
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.NO_JOB);
        assertThat(core.transcriber.calls()).isEqualTo(InMemoryCore.MAX_ATTEMPTS);
    }

    @Test
    void aJobWhoseAudioIsGoneFailsTheRecordingAtOnce() throws Exception {
        Recording r = core.uploadAsAda();
        core.audio.delete(r.audioKey());

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.FAILED);

        assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.FAILED);
        assertThat(core.recording(r.id()).errorMessage()).contains("missing");
        assertThat(core.transcriber.calls()).isZero();
    }

    @Test
    void aJobForARecordingDeletedMeanwhileIsDiscarded() throws Exception {
        Recording r = core.uploadAsAda();
        core.deleteRecording().execute(core.ada.asActor(), r.id()).orElseThrow();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.DISCARDED);
        assertThat(core.transcriber.calls()).isZero();
        assertThat(core.stores.transcripts().find(r.id())).isEmpty();
    }

    @Test
    void aJobWhoseWorkersKeepDyingIsFailedAfterTheMaximumAttempts() throws Exception {
        Recording r = core.uploadAsAda();
        for (int delivery = 1; delivery <= InMemoryCore.MAX_ATTEMPTS; delivery++) {
            // a worker takes the job and dies: its lease runs out
            assertThat(core.queue.receive(java.time.Duration.ZERO)).isPresent();
            core.clock.advance(InMemoryCore.LEASE.plusSeconds(1));
        }

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.FAILED);

        Recording failed = core.recording(r.id());
        assertThat(failed.status()).isEqualTo(RecordingStatus.FAILED);
        assertThat(failed.errorMessage()).contains("gave up after " + InMemoryCore.MAX_ATTEMPTS + " attempts");
        assertThat(core.transcriber.calls()).isZero();
        assertThat(core.queue.deadLetters()).extracting(DeadLetter::job).containsExactly(new Job(r.id()));
    }

    @Test
    void aRecordingDeletedWhileItIsTranscribedLeavesNoTranscriptBehind() throws Exception {
        Recording r = core.uploadAsAda();
        core.transcriber.whileTranscribing(() ->
                core.deleteRecording().execute(core.ada.asActor(), r.id()).orElseThrow());

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.DISCARDED);

        assertThat(core.stores.recordings().find(r.id())).isEmpty();
        assertThat(core.stores.transcripts().find(r.id())).isEmpty();
        assertThat(core.audio.keys()).isEmpty();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.NO_JOB);
    }

    @Test
    void anUnavailableTranscriberLeavesTheJobQueued() throws Exception {
        Recording r = core.uploadAsAda();
        core.transcriber.ready = false;

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.TRANSCRIBER_UNAVAILABLE);

        assertThat(core.recording(r.id()).status()).isEqualTo(RecordingStatus.QUEUED);
        assertThat(core.queue.snapshot().visible()).isEqualTo(1);
        assertThat(core.transcriber.calls()).isZero();
    }
}

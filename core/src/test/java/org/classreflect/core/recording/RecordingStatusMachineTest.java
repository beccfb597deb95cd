package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RecordingStatusMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    /** Every event the pipeline and the users can apply to a recording. */
    private static final List<UnaryOperator<Recording>> EVENTS = List.of(
            r -> r.uploaded(1000, "ab", T0),
            r -> r.imported(1000, "ab", T0),
            r -> r.startAttempt(T0),
            r -> r.attemptFailed("transient"),
            r -> r.transcribed(12.5),
            r -> r.completed(T0),
            r -> r.failed("broken", T0),
            r -> r.retried(T0),
            r -> r.withProgress(42));

    private static Recording fresh() {
        return Recording.startUpload("r1", "s1", "t1", RecordingMetadata.NONE, "lesson.mp3", "audio/mpeg", T0);
    }

    @Test
    void randomEventSequencesOnlyEverTakeLegalTransitions() {
        qt().forAll(lists().of(integers().between(0, EVENTS.size() - 1)).ofSizeBetween(0, 40))
                .checkAssert(events -> {
                    Recording current = fresh();
                    for (int e : events) {
                        RecordingStatus before = current.status();
                        try {
                            current = EVENTS.get(e).apply(current);
                        } catch (IllegalStateException refused) {
                            continue; // refusals leave the recording as it was
                        }
                        RecordingStatus after = current.status();
                        assertThat(after == before || before.canMoveTo(after))
                                .as("%s -> %s", before, after).isTrue();
                        assertThat(current.progressPercent()).isBetween(0, 100);
                        if (before == RecordingStatus.COMPLETED) {
                            assertThat(after).isEqualTo(RecordingStatus.COMPLETED);
                        }
                        if (before == RecordingStatus.FAILED) {
                            assertThat(after).isIn(RecordingStatus.FAILED, RecordingStatus.QUEUED);
                        }
                    }
                });
    }

    @Test
    void completedAcceptsNoFurtherChangeOfStatus() {
        Recording done = fresh().uploaded(10, "ab", T0).startAttempt(T0).transcribed(3).completed(T0);
        for (RecordingStatus next : RecordingStatus.values()) {
            assertThat(done.status().canMoveTo(next)).isFalse();
        }
        assertThatThrownBy(() -> done.failed("late", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> done.retried(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void failedLeavesOnlyThroughAnExplicitRetry() {
        Recording failed = fresh().uploaded(10, "ab", T0).failed("no", T0);
        assertThat(failed.status().successors()).containsExactly(RecordingStatus.QUEUED);
        Recording retried = failed.retried(T0.plusSeconds(5));
        assertThat(retried.status()).isEqualTo(RecordingStatus.QUEUED);
        assertThat(retried.errorMessage()).isNull();
        assertThat(retried.queuedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void everyNonTerminalStateMayFail() {
        for (RecordingStatus s : EnumSet.complementOf(EnumSet.of(RecordingStatus.COMPLETED, RecordingStatus.FAILED))) {
            assertThat(s.canMoveTo(RecordingStatus.FAILED)).as(s.wireName()).isTrue();
        }
    }

    @Test
    void takingOverAProcessingJobCountsAnotherAttempt() {
        Recording first = fresh().uploaded(10, "ab", T0).startAttempt(T0);
        Recording second = first.startAttempt(T0.plusSeconds(60));
        assertThat(second.status()).isEqualTo(RecordingStatus.PROCESSING);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.startedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theHappyPathRecordsSizeChecksumDurationAndTimes() {
        Recording r = fresh().uploaded(2048, "cafe", T0.plusSeconds(1)).startAttempt(T0.plusSeconds(2))
                .transcribed(61.5).completed(T0.plusSeconds(9));
        assertThat(r.sizeBytes()).isEqualTo(2048);
        assertThat(r.sha256()).isEqualTo("cafe");
        assertThat(r.durationSeconds()).isEqualTo(61.5);
        assertThat(r.progressPercent()).isEqualTo(100);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.finishedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void anImportedTranscriptSkipsTheWorkerAndOnlyFromUploading() {
        Recording r = fresh().imported(0, null, T0.plusSeconds(1)).completed(T0.plusSeconds(2));
        assertThat(r.status()).isEqualTo(RecordingStatus.COMPLETED);
        assertThat(r.progressPercent()).isEqualTo(100);
        assertThat(r.attempts()).isZero();
        assertThatThrownBy(() -> fresh().uploaded(10, "ab", T0).imported(0, null, T0))
                .isInstanceOf(IllegalTransitionException.class);
    }
}

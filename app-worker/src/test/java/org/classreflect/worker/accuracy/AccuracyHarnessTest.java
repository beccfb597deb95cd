package org.classreflect.worker.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.Transcribers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pocketsphinx's accuracy must not get worse: the bounds are the figures measured on 2026-11-23 (recorded in
 * docs/transcription.md) plus a small margin. Pocketsphinx is deterministic for the same samples and options, so a
 * change beyond the margin means the decoding, the engine's options or the output parsing changed.
 */
class AccuracyHarnessTest {

    /** The clips up to this long (11 of the 17, 71 s of speech) keep the test short on two cores. */
    private static final double MAX_CLIP_SECONDS = 12;
    private static final double MEASURED_WER = 78 / 183.0;
    private static final double WER_BOUND = MEASURED_WER + 0.02;
    private static final double MEASURED_BOUNDARY_ERROR = 0.03;
    private static final double BOUNDARY_BOUND = MEASURED_BOUNDARY_ERROR + 0.05;

    @TempDir
    Path work;

    private Transcriber engine;

    @BeforeEach
    void pocketsphinx() {
        engine = Transcribers.fromSettings(Settings.from(Map.of(), Map.of()).with(Setting.ENGINE, "pocketsphinx"));
        assumeTrue(engine.status().ready(), () -> "pocketsphinx is not installed here: " + engine.status().detail());
    }

    @Test
    void wordErrorRateOnTheShortClipsStaysWithinTheMeasuredBound() throws Exception {
        Path shared = AccuracyHarness.sharedAudio();
        List<AccuracyHarness.Reference> clips = AccuracyHarness.references(shared, MAX_CLIP_SECONDS);
        assertThat(clips).hasSize(11);

        AccuracyHarness.Report report = AccuracyHarness.measure(engine, shared, clips, work, new PrintStream(
                PrintStream.nullOutputStream()));

        assertThat(report.total().referenceWords()).isEqualTo(183);
        assertThat(report.total().rate()).as(report.toString()).isLessThanOrEqualTo(WER_BOUND);
    }

    @Test
    void utteranceBoundariesOfTheSyntheticLessonStayWithinTheMeasuredBound() throws Exception {
        AccuracyHarness.Boundaries b = AccuracyHarness.boundaries(engine, AccuracyHarness.sharedAudio(), work);

        assertThat(b.utterances()).isEqualTo(17);
        assertThat(b.segments()).isPositive();
        assertThat(b.truthToTranscript()).as(b.toString()).isLessThanOrEqualTo(BOUNDARY_BOUND);
        assertThat(b.transcriptToTruth()).as(b.toString()).isLessThanOrEqualTo(BOUNDARY_BOUND);
    }
}

package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.adapters.speech.whisper.TestAudio.JFK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;
import org.classreflect.testfixtures.audio.WavDecoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The native path on real, non-empty output: a model with whisper tiny.en's architecture and random weights
 * ({@link RandomWhisperModel}) makes whisper.cpp decode real token sequences (nonsense words, often repeated), so
 * segments, windows, guards, word times, progress, cancellation and the model cache run on what the engine returns.
 * One thread, so that the output is the same on every machine.
 */
class WhisperRandomWeightsTest {

    private static final double JFK_SECONDS = 11.0;

    private static Path model;
    /** Shared by the tests that use these settings: every context whisper.cpp loads holds about 200 MB. */
    private static WhisperTranscriber inFourSecondWindows;
    private static Transcription whole;
    private static Transcription windowed;
    private static final List<Integer> WINDOWED_PROGRESS = new ArrayList<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void transcribeJfkWholeAndIn4SecondWindows() throws Exception {
        model = RandomWhisperModel.tinyEn();
        try (WhisperTranscriber wholeFile = transcriber(model, Duration.ofMinutes(5))) {
            whole = wholeFile.transcribe(JFK, TranscriptionProgress.IGNORE);
        }
        inFourSecondWindows = transcriber(model, Duration.ofSeconds(4));
        windowed = inFourSecondWindows.transcribe(JFK, WINDOWED_PROGRESS::add);
    }

    @AfterAll
    static void freeTheModel() {
        inFourSecondWindows.close();
    }

    @Test
    void theEngineReturnsSegmentsWithTextInsideTheAudioInOrder() {
        assertThat(whole.engine()).isEqualTo("whisper.cpp");
        assertThat(whole.modelId()).isEqualTo("ggml-tiny.en.bin");
        assertThat(whole.audioSeconds()).isCloseTo(JFK_SECONDS, within(0.01));
        assertThat(whole.segments()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.text()).isNotBlank();
            assertThat(s.start()).isBetween(0.0, JFK_SECONDS);
            assertThat(s.end()).isBetween(s.start(), JFK_SECONDS);
        });
        for (int i = 1; i < whole.segments().size(); i++) {
            assertThat(whole.segments().get(i).start()).isGreaterThanOrEqualTo(whole.segments().get(i - 1).end());
        }
    }

    @Test
    void theGuardsHaveLeftNothingToCleanInWhatTheEngineReturned() {
        for (Transcription t : List.of(whole, windowed)) {
            assertThat(SegmentGuards.apply(t.segments(), t.audioSeconds())).isEqualTo(t.segments());
            assertThat(SegmentGuards.dropNonSpeech(t.segments())).isEqualTo(t.segments());
            assertThat(t.segments()).allSatisfy(s ->
                    assertThat(SegmentGuards.collapseRepeatedPhrases(s)).isEqualTo(s));
        }
    }

    @Test
    void everyWordLiesInsideItsSegmentAndTheWordsAreTheSegmentsText() {
        for (Transcription t : List.of(whole, windowed)) {
            List<Word> words = t.words();
            int at = 0;
            for (Segment s : t.segments()) {
                String[] expected = s.text().trim().split("\\s+");
                List<Word> ofSegment = words.subList(at, at + expected.length);
                assertThat(ofSegment).extracting(Word::text).containsExactly(expected);
                assertThat(ofSegment).allSatisfy(w -> {
                    assertThat(w.start()).isBetween(s.start(), s.end());
                    assertThat(w.end()).isBetween(w.start(), s.end());
                    assertThat(w.confidence()).isNull();
                });
                assertThat(ofSegment.get(0).start()).isEqualTo(s.start());
                assertThat(ofSegment.get(ofSegment.size() - 1).end()).isEqualTo(s.end());
                at += expected.length;
            }
            assertThat(at).isEqualTo(words.size()).isPositive();
        }
    }

    @Test
    void windowsAreTranscribedOneByOneWithTheirTimesOffsetAndProgressAfterEach() {
        // 11 s in windows of at most 4 s: three windows, each reported between 0 and 100
        assertThat(WINDOWED_PROGRESS).startsWith(0).endsWith(100).isSorted().doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(windowed.audioSeconds()).isCloseTo(JFK_SECONDS, within(0.01));
        // random weights hear the same nonsense in every window, times running past the window's end: the guards
        // keep one copy of a repeated run and end every segment within the audio
        assertThat(windowed.segments()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(JFK_SECONDS));
    }

    @Test
    void anInterruptedThreadStopsBeforeTheNextWindowAndKeepsItsInterrupt() {
        List<Integer> progress = new ArrayList<>();
        try {
            assertThatThrownBy(() -> inFourSecondWindows.transcribe(JFK, percent -> {
                progress.add(percent);
                if (percent > 0) {
                    Thread.currentThread().interrupt(); // the worker is asked to stop during the first window
                }
            })).as("the first window ends at the quietest moment of its last second").isInstanceOf(TranscriptionException.class).hasMessageContaining("cancelled at 3 s")
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(progress).as("the first window only").hasSize(2).startsWith(0);
    }

    @Test
    void eachModelInTheCacheGivesItsOwnOutputAndAModelComesBackUnchanged() throws Exception {
        Path models = Files.createDirectories(temp.resolve("models"));
        RandomWhisperModel.write(models.resolve("ggml-tiny.en.bin"), RandomWhisperModel.Size.TINY_EN, 2);
        try (WhisperTranscriber transcriber = new WhisperTranscriber(model, models,
                new WhisperParameters("auto", 1, "", 0f, 0.6f, Duration.ofMinutes(5)), new WavDecoder())) {
            eachModelGivesItsOwnOutput(transcriber);
        }
    }

    private void eachModelGivesItsOwnOutput(WhisperTranscriber transcriber) throws Exception {
        TranscriptionOptions otherModel = new TranscriptionOptions("tiny.en", "en", null);

        Transcription first = transcriber.transcribe(JFK, TranscriptionProgress.IGNORE);
        Transcription other = transcriber.transcribe(JFK, otherModel, TranscriptionProgress.IGNORE);
        Transcription again = transcriber.transcribe(JFK, TranscriptionProgress.IGNORE);

        assertThat(first.segments()).isEqualTo(whole.segments());
        assertThat(other.segments()).as("other weights, other words").isNotEmpty()
                .isNotEqualTo(first.segments());
        assertThat(again.segments()).isEqualTo(first.segments());
        assertThat(Arrays.asList(first.modelId(), other.modelId())).containsOnly("ggml-tiny.en.bin");
    }

    /** Without the temperature fallback, which random weights (never confident) would trigger in every window. */
    private static WhisperTranscriber transcriber(Path model, Duration window) {
        return new WhisperTranscriber(model, model.getParent(),
                new WhisperParameters("auto", 1, "", 0f, 0.6f, window), new WavDecoder());
    }
}

package org.classreflect.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;
import org.junit.jupiter.api.Test;

class TranscriptQualityTest {

    private static final SpeakerEstimate TWO_VOICES = new SpeakerEstimate(
            Collections.nCopies(2, Speaker.TEACHER), 0.69, "test");

    @Test
    void recordsTheEngineTheWordConfidencesAndTheSpeakerEstimate() {
        TranscriptQuality quality = TranscriptQuality.of(transcript(0.9, 0.8, 0.7, 0.4), TWO_VOICES);

        assertThat(quality.engine()).isEqualTo("pocketsphinx");
        assertThat(quality.model()).isEqualTo("en-us");
        assertThat(quality.meanWordConfidence()).isCloseTo(0.7, within(1e-9));
        assertThat(quality.lowConfidenceWordShare()).isEqualTo(0.25);
        assertThat(quality.speakerConfidence()).isEqualTo(0.69);
        assertThat(quality.lowConfidence()).isFalse();
        assertThat(quality.lowConfidenceReason()).isNull();
    }

    @Test
    void aMeanWordConfidenceBelowTheFloorIsLowConfidenceAndSaysSo() {
        double justBelow = TranscriptQuality.MEAN_WORD_CONFIDENCE_FLOOR - 0.01;
        double atFloor = TranscriptQuality.MEAN_WORD_CONFIDENCE_FLOOR;

        TranscriptQuality unsure = TranscriptQuality.of(transcript(justBelow, justBelow), TWO_VOICES);

        assertThat(unsure.lowConfidence()).isTrue();
        assertThat(unsure.lowConfidenceReason()).contains("mean word confidence")
                .contains(String.format(java.util.Locale.ROOT, "%.2f", justBelow));
        assertThat(TranscriptQuality.of(transcript(atFloor, atFloor), TWO_VOICES).lowConfidence()).isFalse();
    }

    @Test
    void tooManyLowConfidenceWordsAreLowConfidenceEvenWhenTheMeanIsHigh() {
        // 8 sure words and 7 unsure ones: mean 0.58, above the floor, but 47 % of the words are unsure
        List<Double> confidences = new ArrayList<>(Collections.nCopies(8, 0.99));
        confidences.addAll(Collections.nCopies(7, 0.12));

        TranscriptQuality quality = TranscriptQuality.of(transcript(confidences), TWO_VOICES);

        assertThat(quality.meanWordConfidence()).isGreaterThan(TranscriptQuality.MEAN_WORD_CONFIDENCE_FLOOR);
        assertThat(quality.lowConfidenceWordShare()).isGreaterThan(TranscriptQuality.LOW_CONFIDENCE_SHARE_CEILING);
        assertThat(quality.lowConfidence()).isTrue();
        assertThat(quality.lowConfidenceReason()).startsWith("47 % of the words");
    }

    @Test
    void anEngineWithoutWordConfidencesLeavesThemUnknownAndTheAnalysisIsNotMarked() {
        Transcript whisper = new Transcript("r-1", "Ask not", "en", "whisper.cpp", "ggml-base.en.bin",
                List.of(new Segment(0, 2, "Ask not", null)),
                List.of(new Word(0, 1, "Ask", null), new Word(1, 2, "not", null)), 2, null, 1, 2, Instant.EPOCH);

        TranscriptQuality quality = TranscriptQuality.of(whisper, SpeakerEstimate.unknown(1));

        assertThat(quality.meanWordConfidence()).isNull();
        assertThat(quality.lowConfidenceWordShare()).isNull();
        assertThat(quality.speakerConfidence()).isZero();
        assertThat(quality.lowConfidence()).isFalse();
    }

    @Test
    void aMeasurementRestsOnTheWordsWhenItReadsThemAndOnTheSpeakersWhenItUsedThem() {
        assertThat(measurement(Metric.QUESTION_COUNT, Basis.SPEAKERS).restsOn())
                .containsExactly(QualitySignal.WORD_CONFIDENCE, QualitySignal.SPEAKER_CONFIDENCE);
        assertThat(measurement(Metric.QUESTION_COUNT, Basis.SPEAKER_FREE_FALLBACK).restsOn())
                .containsExactly(QualitySignal.WORD_CONFIDENCE);
        assertThat(measurement(Metric.TEACHER_TALK_SHARE, Basis.SPEAKERS).restsOn())
                .containsExactly(QualitySignal.SPEAKER_CONFIDENCE);
        assertThat(measurement(Metric.PAUSE_MEAN_SECONDS, Basis.TRANSCRIPT).restsOn()).isEmpty();
    }

    private static Measurement measurement(Metric metric, Basis basis) {
        return new Measurement(metric, 1.0, basis, 1.0, List.of(), "");
    }

    private static Transcript transcript(double... confidences) {
        List<Double> list = new ArrayList<>();
        for (double c : confidences) {
            list.add(c);
        }
        return transcript(list);
    }

    private static Transcript transcript(List<Double> confidences) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < confidences.size(); i++) {
            words.add(new Word(i, i + 0.5, "word" + i, confidences.get(i)));
        }
        return new Transcript("r-1", "words", "en", "pocketsphinx", "en-us",
                List.of(new Segment(0, confidences.size(), "words", null)), words, words.size(), null, 1,
                confidences.size(), Instant.EPOCH);
    }
}

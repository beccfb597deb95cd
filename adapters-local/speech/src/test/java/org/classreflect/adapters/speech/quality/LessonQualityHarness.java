package org.classreflect.adapters.speech.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.audio.speaker.AcousticSpeakerEstimator;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.QuestionDetector;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.metrics.Utterances;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.testfixtures.audio.AudioFixtures;

/**
 * Judges the measured analysis on every lesson (see {@link Lessons}): speaks the lessons, analyses each from three
 * transcripts (the truth with punctuation, the truth lower-cased without punctuation, pocketsphinx's) with speakers
 * estimated from the audio, and prints one row per lesson and transcript, then the held-out and tuning totals. Usage
 * and the figures: docs/analysis.md. Arguments: {@code [lesson ...]} (default: all), {@code --no-pocketsphinx},
 * {@code --explain} (also list each lesson's invented and missed teacher questions), {@code --utterances} (also list
 * each analysed utterance's speaker against the truth's, {@link SpeakerAttribution}; tuning lessons only, so the
 * held-out ones stay unseen); or, alone, {@code --sweep} (how the question detector's thresholds play on the tuning
 * lessons, see {@link #sweep()}), {@code --cue-words} ({@link CueWordSeparation} on the tuning lessons) or
 * {@code --end-rises} ({@link EndRises} on the tuning lessons).
 */
public final class LessonQualityHarness {

    enum Source { TRUTH, BARE, POCKETSPHINX }

    private static final int SWEEP_STEPS = 20;
    private static final List<Double> SWEEP_RISES = List.of(1.5, 2.0, 2.5, 3.0, 4.0);

    private final AcousticSpeakerEstimator estimator = new AcousticSpeakerEstimator();
    private final LessonMeasurer measurer = new LessonMeasurer();

    LessonQualityHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lessons = new ArrayList<>();
        boolean pocketsphinx = true;
        boolean explain = false;
        boolean perUtterance = false;
        for (String arg : args) {
            if (arg.equals("--sweep")) {
                new LessonQualityHarness().sweep();
                return;
            } else if (arg.equals("--end-rises")) {
                EndRises.print(new LessonQualityHarness(), Lessons.TUNING);
                return;
            } else if (arg.equals("--cue-words")) {
                CueWordSeparation.print(Lessons.TUNING);
                return;
            } else if (arg.equals("--explain")) {
                explain = true;
            } else if (arg.equals("--utterances")) {
                perUtterance = true;
            } else if (arg.equals("--no-pocketsphinx")) {
                pocketsphinx = false;
            } else {
                lessons.add(arg);
            }
        }
        if (lessons.isEmpty()) {
            lessons = Lessons.all();
        }
        new LessonQualityHarness().run(lessons, pocketsphinx, explain, perUtterance);
    }

    private void run(List<String> lessons, boolean pocketsphinx, boolean explain, boolean perUtterance)
            throws Exception {
        System.out.printf("%-26s %-5s %-12s %8s %8s %6s %5s %5s %5s %6s %8s%n", "lesson", "set", "transcript",
                "share±", "speakers", "conf", "P", "R", "F1", "kind", "wait±s");
        Map<Source, List<LessonScore>> heldOut = new EnumMap<>(Source.class);
        Map<Source, List<LessonScore>> tuning = new EnumMap<>(Source.class);
        for (String lesson : lessons) {
            LessonTruth truth = Lessons.generate(lesson);
            for (Source source : Source.values()) {
                if (source == Source.POCKETSPHINX && !pocketsphinx) {
                    continue;
                }
                LessonMetrics metrics = analyse(truth, utterances(lesson, truth, source));
                LessonScore score = LessonScore.of(truth, metrics);
                boolean held = Lessons.isHeldOut(lesson);
                (held ? heldOut : tuning).computeIfAbsent(source, s -> new ArrayList<>()).add(score);
                System.out.printf(Locale.ROOT, "%-26s %-5s %-12s %8s %8.3f %6.2f %5.2f %5.2f %5.2f %6.2f %8.3f%n",
                        lesson, held ? "held" : "tune", source.name().toLowerCase(Locale.ROOT),
                        score.talkShareError() == null ? "n/a"
                                : String.format(Locale.ROOT, "%+.3f", score.talkShareError()),
                        score.speakerAccuracy(), score.confidence(), score.questions().precision(),
                        score.questions().recall(), score.questions().f1(), score.questions().kindAgreement(),
                        score.meanWaitError());
                if (explain) {
                    score.falsePositives().forEach(q -> System.out.println("    invented: " + q));
                    score.missed().forEach(q -> System.out.println("    missed:   " + q));
                }
                if (perUtterance && !held) {
                    SpeakerAttribution.print(truth, metrics);
                }
            }
        }
        printPooled("held-out lessons, all questions pooled:", heldOut);
        printPooled("tuning lessons, all questions pooled:", tuning);
    }

    private static void printPooled(String title, Map<Source, List<LessonScore>> scores) {
        System.out.println();
        System.out.println(title);
        for (Map.Entry<Source, List<LessonScore>> e : scores.entrySet()) {
            List<LessonScore> s = e.getValue();
            QuestionTally q = QuestionTally.pooled(s);
            double worstShare = s.stream().filter(x -> x.talkShareError() != null)
                    .mapToDouble(x -> Math.abs(x.talkShareError())).max().orElse(Double.NaN);
            long noShare = s.stream().filter(x -> x.talkShareError() == null).count();
            double worstSpeakers = s.stream().mapToDouble(LessonScore::speakerAccuracy).min().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "%-12s worst |share error| %.3f (%d lessons without a share), "
                            + "worst speaker accuracy %.3f, questions P %.2f R %.2f F1 %.2f (%d/%d/%d), "
                            + "open/closed agreement %.2f, mean wait error %.3f s%n",
                    e.getKey().name().toLowerCase(Locale.ROOT), worstShare, noShare, worstSpeakers, q.precision(),
                    q.recall(), q.f1(), q.truePositives(), q.detected(), q.asked(), q.kindAgreement(),
                    s.stream().mapToDouble(LessonScore::waitErrorSum).sum() / Math.max(1, q.truePositives()));
        }
    }

    /**
     * How the question detector's word-confidence threshold and pitch rise ({@link QuestionDetector#QuestionDetector(
     * double, double)}) change teacher-question precision and recall on the tuning lessons only (bare truth and
     * pocketsphinx), where they are chosen; the held-out lessons are judged afterwards by the plain run.
     */
    private void sweep() throws Exception {
        record Heard(Source source, LessonTruth truth, List<Utterance> utterances, SpeakerEstimate speakers) {
        }
        List<Heard> lessons = new ArrayList<>();
        for (String lesson : Lessons.TUNING) {
            LessonTruth truth = Lessons.generate(lesson);
            for (Source source : List.of(Source.BARE, Source.POCKETSPHINX)) {
                List<Utterance> utterances = utterances(lesson, truth, source);
                lessons.add(new Heard(source, truth, utterances, estimator.estimate(utterances, wav(truth.wav()))));
            }
        }
        System.out.println("tuning lessons, teacher questions pooled: P R F1 (right/found/asked)");
        System.out.printf("%-5s %-15s %-30s %-30s%n", "rise", "min confidence", "bare", "pocketsphinx");
        for (double rise : SWEEP_RISES) {
            for (int step = 0; step <= SWEEP_STEPS; step++) {
                double threshold = step / (double) SWEEP_STEPS;
                LessonMeasurer sweepMeasurer = new LessonMeasurer(new QuestionDetector(threshold, rise));
                System.out.printf(Locale.ROOT, "%-5.1f %-15.2f", rise, threshold);
                for (Source source : List.of(Source.BARE, Source.POCKETSPHINX)) {
                    QuestionTally q = QuestionTally.pooled(lessons.stream().filter(h -> h.source() == source)
                            .map(h -> LessonScore.of(h.truth(), sweepMeasurer.measure(h.utterances(), h.speakers())))
                            .toList());
                    System.out.printf(Locale.ROOT, " %4.2f %4.2f %4.2f (%d/%d/%d)%9s", q.precision(), q.recall(),
                            q.f1(), q.truePositives(), q.detected(), q.asked(), "");
                }
                System.out.println();
            }
        }
    }

    LessonMetrics analyse(LessonTruth truth, List<Utterance> utterances) throws IOException {
        SpeakerEstimate speakers = estimator.estimate(utterances, wav(truth.wav()));
        return measurer.measure(utterances, speakers);
    }

    static List<Utterance> utterances(String lesson, LessonTruth truth, Source source) throws Exception {
        return switch (source) {
            case TRUTH -> Utterances.join(truth.turns().stream()
                    .map(t -> new Utterance(t.start(), t.end(), t.text())).toList());
            case BARE -> Utterances.join(truth.turns().stream()
                    .map(t -> new Utterance(t.start(), t.end(), bare(t.text()))).toList());
            case POCKETSPHINX -> Utterances.of(Transcript.of(lesson, pocketsphinx(truth.wav()), 0,
                    Instant.EPOCH));
        };
    }

    /** As an engine without punctuation writes: lower case, no punctuation but apostrophes. */
    static String bare(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}' ]", "").toLowerCase(Locale.ROOT);
    }

    /** pocketsphinx's transcription of the lesson, kept in target/lessons (it takes about real time). */
    static Transcription pocketsphinx(Path wav) throws Exception {
        Path cached = Lessons.pocketsphinxCache(wav);
        ObjectMapper json = new ObjectMapper();
        if (Files.exists(cached)) {
            return json.readValue(cached.toFile(), Transcription.class);
        }
        Files.createDirectories(cached.getParent());
        Transcription t = new PocketsphinxTranscriber(new FfmpegAudioDecoder())
                .transcribe(wav, TranscriptionProgress.IGNORE);
        json.writeValue(cached.toFile(), t);
        return t;
    }

    /** A 16-bit mono 16 kHz WAV as a sample source, in chunks. */
    static SampleSource wav(Path file) {
        return chunks -> {
            float[] all = AudioFixtures.samples(file);
            for (int from = 0; from < all.length; from += 16_000) {
                chunks.accept(java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + 16_000)));
            }
        };
    }
}

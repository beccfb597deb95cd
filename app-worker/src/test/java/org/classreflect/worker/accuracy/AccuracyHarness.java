package org.classreflect.worker.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.Transcribers;

/**
 * How accurate the selected engine is on the shared clips: word error rate per file and in total against
 * {@code references.tsv}, the real-time factor (engine wall time / audio time), and on the synthetic lesson how far
 * the transcript's utterance boundaries lie from the true ones. The engine is chosen like the product chooses it
 * ({@code CLASSREFLECT_ENGINE}). Usage: {@code AccuracyHarness [max clip seconds]}; see docs/transcription.md.
 */
public final class AccuracyHarness {

    static final String LESSON = "synthetic-lesson-water-cycle";

    record Reference(String file, double seconds, String text) {
    }

    record FileResult(String file, double audioSeconds, double engineSeconds, WordErrorRate wer, String hypothesis,
                      TranscriptQuality quality) {

        double realTimeFactor() {
            return engineSeconds / audioSeconds;
        }
    }

    record Report(List<FileResult> files) {

        WordErrorRate total() {
            return files.stream().map(FileResult::wer).reduce(new WordErrorRate(0, 0), WordErrorRate::plus);
        }

        double realTimeFactor() {
            return files.stream().mapToDouble(FileResult::engineSeconds).sum()
                    / files.stream().mapToDouble(FileResult::audioSeconds).sum();
        }
    }

    /**
     * @param truthToTranscript mean distance (s) from each true utterance start/end to the nearest transcript
     *                          segment start/end: boundaries the engine missed or misplaced
     * @param transcriptToTruth the same the other way: boundaries the engine invented
     */
    record Boundaries(int utterances, int segments, double truthToTranscript, double transcriptToTruth,
                      double worst) {
    }

    private AccuracyHarness() {
    }

    public static void main(String[] args) throws Exception {
        double maxSeconds = args.length > 0 ? Double.parseDouble(args[0]) : Double.MAX_VALUE;
        Transcriber engine = Transcribers.fromSettings(Settings.fromEnvironment());
        TranscriberStatus status = engine.status();
        if (!status.ready()) {
            System.err.println(status.engine() + " is not ready: " + status.detail());
            System.exit(2);
        }
        Path shared = sharedAudio();
        Path work = Files.createTempDirectory("accuracy-");
        System.out.printf("engine %s (%s), %d processors%n", status.engine(), status.modelId(),
                Runtime.getRuntime().availableProcessors());
        Report report = measure(engine, shared, references(shared, maxSeconds), work, System.out);
        System.out.printf("TOTAL  WER %.3f (%d errors / %d words)  RTF %.3f%n", report.total().rate(),
                report.total().errors(), report.total().referenceWords(), report.realTimeFactor());
        Boundaries b = boundaries(engine, shared, work);
        System.out.printf("%s: %d true utterances, %d segments; boundary error: truth->transcript %.3f s, "
                        + "transcript->truth %.3f s, worst %.3f s%n", LESSON, b.utterances(), b.segments(),
                b.truthToTranscript(), b.transcriptToTruth(), b.worst());
    }

    static Path sharedAudio() {
        return Path.of(System.getProperty("classreflect.shared", "../shared"), "audio");
    }

    static List<Reference> references(Path sharedAudio, double maxSeconds) throws IOException {
        List<Reference> references = new ArrayList<>();
        List<String> lines = Files.readAllLines(sharedAudio.resolve("references.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\t");
            double seconds = Double.parseDouble(columns[1]);
            if (columns.length >= 3 && seconds <= maxSeconds) {
                references.add(new Reference(columns[0], seconds, columns[2]));
            }
        }
        return references;
    }

    static Report measure(Transcriber engine, Path sharedAudio, List<Reference> references, Path work,
                          PrintStream out) throws IOException, TranscriptionException {
        List<FileResult> results = new ArrayList<>();
        for (Reference reference : references) {
            long start = System.nanoTime();
            Transcription t = transcribe(engine, sharedAudio.resolve(reference.file()), work);
            double engineSeconds = (System.nanoTime() - start) / 1e9;
            String hypothesis = t.segments().stream().map(Segment::text).collect(Collectors.joining(" "));
            WordErrorRate wer = WordErrorRate.of(TextNormalizer.words(reference.text()),
                    TextNormalizer.words(hypothesis));
            TranscriptQuality quality = TranscriptQuality.of(Transcript.of(reference.file(), t, engineSeconds,
                    Instant.now()), SpeakerEstimate.unknown(0));
            FileResult result = new FileResult(reference.file(), t.audioSeconds(), engineSeconds, wer, hypothesis,
                    quality);
            out.printf("%-48s WER %.3f (%3d/%3d)  RTF %.3f  word confidence %s, low %s, %s | %s%n", result.file(),
                    wer.rate(), wer.errors(), wer.referenceWords(), result.realTimeFactor(),
                    quality.meanWordConfidence(), quality.lowConfidenceWordShare(),
                    quality.lowConfidence() ? "LOW CONFIDENCE" : "trusted", hypothesis);
            results.add(result);
        }
        return new Report(results);
    }

    static Boundaries boundaries(Transcriber engine, Path sharedAudio, Path work)
            throws IOException, TranscriptionException {
        JsonNode truth = new ObjectMapper().readTree(sharedAudio.resolve(LESSON + ".truth.json").toFile());
        List<double[]> utterances = new ArrayList<>();
        truth.get("utterances").forEach(u -> utterances.add(new double[] {u.get("start").asDouble(),
                u.get("end").asDouble()}));
        List<double[]> segments = transcribe(engine, sharedAudio.resolve(LESSON + ".wav"), work).segments().stream()
                .map(s -> new double[] {s.start(), s.end()}).toList();
        if (segments.isEmpty()) {
            return new Boundaries(utterances.size(), 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] missed = distances(utterances, segments);
        double[] invented = distances(segments, utterances);
        return new Boundaries(utterances.size(), segments.size(), mean(missed), mean(invented),
                Math.max(max(missed), max(invented)));
    }

    /** For every start and end in {@code from}, the distance to the nearest start (or end) in {@code to}. */
    private static double[] distances(List<double[]> from, List<double[]> to) {
        double[] d = new double[from.size() * 2];
        for (int i = 0; i < from.size(); i++) {
            for (int edge = 0; edge < 2; edge++) {
                double at = from.get(i)[edge];
                double nearest = Double.MAX_VALUE;
                for (double[] other : to) {
                    nearest = Math.min(nearest, Math.abs(other[edge] - at));
                }
                d[i * 2 + edge] = nearest;
            }
        }
        return d;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** As the worker does: the engine gets its own copy in a scratch directory. */
    private static Transcription transcribe(Transcriber engine, Path audio, Path work)
            throws IOException, TranscriptionException {
        Path copy = Files.copy(audio, Files.createTempFile(work, "clip-", ".audio"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            return engine.transcribe(copy, TranscriptionProgress.IGNORE);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}

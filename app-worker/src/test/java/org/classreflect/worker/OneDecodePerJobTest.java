package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.audio.speaker.AcousticSpeakerEstimator;
import org.classreflect.adapters.files.FilesystemAudioStore;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStage;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.inmemory.ThreadLocalLogContext;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.testfixtures.audio.AudioFixtures;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job decodes its audio once: the real engine (pocketsphinx) and the real speaker estimator share one FFmpeg pass,
 * counted on the real decoder. Without the kept pass (a later job, a damaged file) the analysis decodes again and
 * hears the same speakers. A job that no analysis follows writes no pass at all. Skipped, saying what to install, on
 * a machine without pocketsphinx.
 */
class OneDecodePerJobTest {

    private static final String RECORDING = "r-1";
    private static final Duration LEASE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final InMemoryStores stores = new InMemoryStores(clock);
    private final ObservedDecoder decoder = new ObservedDecoder(new FfmpegAudioDecoder());
    private final ObservedEstimator speakers = new ObservedEstimator(new AcousticSpeakerEstimator());
    private final PocketsphinxTranscriber engine = new PocketsphinxTranscriber(decoder);
    private InMemoryJobQueue queue;
    private WorkerSettings settings;
    private AnalyzeRecording analysis;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(engine.status().ready(), () -> "pocketsphinx is not installed here (" + engine.status().detail()
                + ")");
        queue = new InMemoryJobQueue(LEASE, 4, clock);
        settings = new WorkerSettings(3, LEASE, Duration.ofSeconds(30), Duration.ofMillis(10), dir.resolve("scratch"));
        FilesystemAudioStore audio = new FilesystemAudioStore(dir.resolve("audio"));
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.users().insert(AUser.teacher("u-1", "s-1"));
        stores.templates().insert(StarterTemplates.LESSON_CLARITY_AND_PACE);
        Recording recording = ARecording.of(RECORDING, "s-1", "u-1").status(RecordingStatus.QUEUED)
                .createdAt(clock.instant()).build();
        stores.recordings().insert(recording);
        Path mp3 = AudioFixtures.encode(AudioFixtures.shared("picovoice-diarization-3speakers.wav"),
                AudioFixtures.Encoding.MP3, dir.resolve("lesson.mp3"));
        try (InputStream in = Files.newInputStream(mp3)) {
            audio.put(recording.audioKey(), in);
        }
        analysis = new AnalyzeRecording(stores.analyses(), stores.templates(), stores.transcripts(),
                stores.recordings(), stores.schoolSettings(), audio, decoder, speakers, request -> null, settings,
                clock, WorkMetrics.NONE);
    }

    private ProcessNextJob worker() {
        return worker(analysis);
    }

    /** The real analysis stage, running {@code beforeEach} just before each of its runs. */
    private ProcessNextJob worker(Runnable beforeEach) {
        return worker(new AnalysisStage() {
            @Override
            public boolean hasQueued(String recordingId) {
                return analysis.hasQueued(recordingId);
            }

            @Override
            public Report runQueued(String recordingId) {
                beforeEach.run();
                return analysis.runQueued(recordingId);
            }
        });
    }

    private ProcessNextJob worker(AnalysisStage stage) {
        return new ProcessNextJob(queue, stores.recordings(), stores.transcripts(),
                new FilesystemAudioStore(dir.resolve("audio")), engine, stage, settings, clock, WorkMetrics.NONE,
                new ThreadLocalLogContext());
    }

    private void queueAnalysis(String id) {
        stores.analyses().insert(Analysis.queued(id, RECORDING, "s-1", "u-1",
                StarterTemplates.LESSON_CLARITY_AND_PACE, clock.instant(), clock.instant()));
        queue.enqueue(new Job(RECORDING));
    }

    @Test
    void theAnalysisHearsTheSpeakersInTheEnginesPassWithoutDecodingAgainAndTheKeptPassIsThenRemoved()
            throws Exception {
        queueAnalysis("a-1");
        List<Path> keptDuringAnalysis = new ArrayList<>();
        ProcessNextJob worker = worker(() -> keptDuringAnalysis.addAll(scratchFiles()));

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(decoder.scratchAfterFirstDecode()).as("the pass written while the engine decoded").singleElement()
                .satisfies(f -> assertThat(f.size()).isGreaterThan(0));
        assertThat(decoder.decodes()).as("one FFmpeg pass for the engine and the speakers").isEqualTo(1);
        assertThat(stores.analyses().find("a-1").orElseThrow().status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(speakers.estimates()).hasSize(1);
        SpeakerEstimate heard = speakers.estimates().get(0);
        assertThat(heard.problem()).isNull();
        assertThat(heard.method()).isNotEqualTo("none");
        assertThat(speakers.secondsHeard().get(0)).as("the whole lesson reached the estimator")
                .isCloseTo(stores.transcripts().find(RECORDING).orElseThrow().audioSeconds(), within(0.001));
        assertThat(keptDuringAnalysis).singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).startsWith(RECORDING).endsWith(".wav"));
        assertThat(scratchFiles()).as("removed once the analysis has run").isEmpty();
    }

    @Test
    void aLaterJobWithoutTheKeptPassDecodesTheAudioAgainAndHearsTheSameSpeakers() throws Exception {
        queueAnalysis("a-1");
        ProcessNextJob worker = worker();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        queueAnalysis("a-2");

        assertThat(worker.runOnce()).as("a re-analysis of the completed recording").isEqualTo(JobOutcome.DISCARDED);

        assertThat(decoder.decodes()).isEqualTo(2);
        assertThat(stores.analyses().find("a-2").orElseThrow().status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertSameSpeakers(speakers.estimates().get(0), speakers.estimates().get(1));
    }

    @Test
    void aDamagedKeptPassIsNotReadAndTheAnalysisDecodesTheAudioInstead() throws Exception {
        queueAnalysis("a-1");
        ProcessNextJob worker = worker(() -> scratchFiles().forEach(OneDecodePerJobTest::truncateByOneSample));

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(decoder.decodes()).as("the engine's pass, then the analysis's own").isEqualTo(2);
        assertThat(speakers.attempts()).as("refused before any sample, then decoded").isEqualTo(2);
        assertThat(speakers.estimates()).hasSize(1);
        assertThat(speakers.estimates().get(0).problem()).isNull();
        assertThat(scratchFiles()).isEmpty();

        queueAnalysis("a-2");
        worker().runOnce();
        assertSameSpeakers(speakers.estimates().get(0), speakers.estimates().get(1));
    }

    @Test
    void aJobNoAnalysisFollowsWritesNoPass() throws Exception {
        queue.enqueue(new Job(RECORDING));
        List<Path> scratchDuringAnalysis = new ArrayList<>();

        assertThat(worker(() -> scratchDuringAnalysis.addAll(scratchFiles())).runOnce())
                .isEqualTo(JobOutcome.COMPLETED);

        assertThat(stores.transcripts().find(RECORDING)).as("transcribed all the same").isPresent();
        assertThat(decoder.decodes()).as("the engine decoded the audio").isEqualTo(1);
        assertThat(decoder.scratchAfterFirstDecode()).as("nothing written while it decoded").isEmpty();
        assertThat(scratchDuringAnalysis).isEmpty();
        assertThat(speakers.attempts()).isZero();
    }

    @Test
    void aJobWhoseOnlyAnalysisHasAlreadyEndedWritesNoPass() throws Exception {
        queueAnalysis("a-1");
        Analysis queued = stores.analyses().find("a-1").orElseThrow();
        stores.analyses().update(queued.failed("its template is missing", clock.instant()), AnalysisStatus.QUEUED);

        assertThat(worker().runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(decoder.decodes()).isEqualTo(1);
        assertThat(decoder.scratchAfterFirstDecode()).isEmpty();
        assertThat(speakers.attempts()).isZero();
    }

    private static void assertSameSpeakers(SpeakerEstimate a, SpeakerEstimate b) {
        assertThat(b.speakers()).isEqualTo(a.speakers());
        assertThat(b.confidence()).isCloseTo(a.confidence(), within(0.02));
    }

    private static void truncateByOneSample(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> scratchFiles() {
        if (!Files.isDirectory(settings.scratchDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.scratchDir())) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ScratchFile(Path path, long size) {
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real decoder, counting the full decodes asked of it and listing the worker's scratch files (and their
     * sizes) the moment the first one has ended: the engine's pass, with every chunk handed over.
     */
    private final class ObservedDecoder implements AudioDecoder {
        private final AudioDecoder real;
        private final AtomicInteger decodes = new AtomicInteger();
        private final List<ScratchFile> scratchAfterFirstDecode = new ArrayList<>();

        ObservedDecoder(AudioDecoder real) {
            this.real = real;
        }

        int decodes() {
            return decodes.get();
        }

        List<ScratchFile> scratchAfterFirstDecode() {
            return scratchAfterFirstDecode;
        }

        @Override
        public AudioInfo probe(Path file) throws IOException, UndecodableAudioException {
            return real.probe(file);
        }

        @Override
        public void decode(Path file, int chunkSamples, Consumer<float[]> chunks)
                throws IOException, UndecodableAudioException {
            int decode = decodes.incrementAndGet();
            real.decode(file, chunkSamples, chunks);
            if (decode == 1) {
                scratchFiles().forEach(f -> scratchAfterFirstDecode.add(new ScratchFile(f, size(f))));
            }
        }
    }

    /** The real estimator, keeping what it returned and how much audio it heard. */
    private static final class ObservedEstimator implements SpeakerEstimator {
        private final SpeakerEstimator real;
        private final List<SpeakerEstimate> estimates = new ArrayList<>();
        private final List<Double> secondsHeard = new ArrayList<>();
        private int attempts;

        ObservedEstimator(SpeakerEstimator real) {
            this.real = real;
        }

        @Override
        public SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) throws IOException {
            attempts++;
            long[] samples = {0};
            SpeakerEstimate estimate = real.estimate(utterances, chunks -> audio.stream(chunk -> {
                samples[0] += chunk.length;
                chunks.accept(chunk);
            }));
            estimates.add(estimate);
            secondsHeard.add(samples[0] / (double) AudioDecoder.SAMPLE_RATE);
            return estimate;
        }

        List<SpeakerEstimate> estimates() {
            return estimates;
        }

        List<Double> secondsHeard() {
            return secondsHeard;
        }

        int attempts() {
            return attempts;
        }
    }
}

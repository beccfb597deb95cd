package org.classreflect.core.analysis;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.DecodedAudioCache;
import org.classreflect.core.audio.Pcm16Wav;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.common.Ids;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.metrics.SuppliedSpeakers;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.metrics.Utterance;
import org.classreflect.core.metrics.Utterances;
import org.classreflect.core.queue.Heartbeat;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.rubric.ClassContext;
import org.classreflect.core.rubric.CriterionFeedback;
import org.classreflect.core.rubric.MeasuredMetric;
import org.classreflect.core.rubric.RubricAnalysisException;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.rubric.RubricCriterion;
import org.classreflect.core.rubric.RubricRequest;
import org.classreflect.core.rubric.RubricResult;
import org.classreflect.core.rubric.TranscriptExcerpt;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.ReadableAudio;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.template.Criterion;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;

/**
 * The analysis stage, run by the worker after a recording's transcript is stored: every queued analysis of the
 * recording is claimed (queued to running, compare-and-set, so a redelivered job never runs one twice) and held under
 * a lease renewed while it runs; a running one whose lease ended (its worker died) is claimed the same way, so
 * whoever handles the recording next takes it over. Each is measured from the transcript, with speakers estimated
 * from the audio while it is still stored, judged by the language model when the school turned rubric feedback on,
 * a model is configured and the transcript is not of low confidence ({@link TranscriptQuality}), and scored against
 * its template version.
 * A failure fails that analysis alone; the transcript and the recording are never touched.
 */
public final class AnalyzeRecording implements AnalysisStage {

    private static final Logger LOG = Logger.getLogger(AnalyzeRecording.class.getName());
    private static final String STAGE = "analysis";
    private static final int CHUNK_SAMPLES = SampleSource.SAMPLE_RATE * 10;

    private final Analyses analyses;
    private final Templates templates;
    private final Transcripts transcripts;
    private final Recordings recordings;
    private final SchoolSettings schoolSettings;
    private final AudioStore audioStore;
    private final AudioDecoder decoder;
    private final SpeakerEstimator speakerEstimator;
    private final RubricAnalyzer rubric;
    private final WorkerSettings worker;
    private final Clock clock;
    private final WorkMetrics metrics;
    private final LessonMeasurer measurer = new LessonMeasurer();
    private final DecodedAudioCache decodedAudio;

    @Inject
    public AnalyzeRecording(Analyses analyses, Templates templates, Transcripts transcripts, Recordings recordings,
                            SchoolSettings schoolSettings, AudioStore audioStore, AudioDecoder decoder,
                            SpeakerEstimator speakerEstimator, RubricAnalyzer rubric,
                            WorkerSettings worker, Clock clock, WorkMetrics metrics) {
        this.analyses = analyses;
        this.templates = templates;
        this.transcripts = transcripts;
        this.recordings = recordings;
        this.schoolSettings = schoolSettings;
        this.audioStore = audioStore;
        this.decoder = decoder;
        this.speakerEstimator = speakerEstimator;
        this.rubric = rubric;
        this.worker = worker;
        this.clock = clock;
        this.metrics = metrics;
        this.decodedAudio = new DecodedAudioCache(worker.scratchDir());
    }

    @Override
    public Report runQueued(String recordingId) {
        Optional<Recording> recording = recordings.find(recordingId);
        Optional<Transcript> transcript = transcripts.find(recordingId);
        if (recording.isEmpty() || transcript.isEmpty()) {
            return Report.NOTHING;
        }
        LessonMetrics metrics = null;
        int ran = 0;
        Instant busyUntil = null;
        for (Analysis stored : analyses.listForRecording(recordingId)) {
            Instant now = clock.instant();
            if (!stored.claimable(now)) { // finished, or held
                busyUntil = latest(busyUntil, heldUntil(stored));
                continue;
            }
            Analysis running = stored.running(Ids.newId(), now, worker.lease());
            if (!analyses.claim(running, now)) {
                busyUntil = latest(busyUntil, analyses.find(stored.id()).map(AnalyzeRecording::heldUntil).orElse(null));
                continue; // another worker took it
            }
            if (stored.status() == AnalysisStatus.RUNNING) {
                LOG.warning("analysis " + stored.id() + " taken over: the lease of the run holding it ended at "
                        + stored.leaseUntil());
            }
            ran++;
            long start = System.nanoTime();
            String outcome = "failed";
            try (Heartbeat heartbeat = new Heartbeat("analysis-" + running.id(), worker.lease(),
                    () -> renew(running))) {
                if (metrics == null) {
                    metrics = measure(recording.get(), transcript.get());
                }
                finish(running, analyse(running, recording.get(), metrics,
                        TranscriptQuality.of(transcript.get(), metrics.speakers())));
                outcome = "completed";
            } catch (RubricAnalysisException e) {
                this.metrics.failed(STAGE, "rubric");
                finish(running, running.failed(e.getMessage(), clock.instant()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "analysis " + running.id() + " failed", e);
                this.metrics.failed(STAGE, e.getClass().getSimpleName());
                finish(running, running.failed(String.valueOf(e.getMessage()), clock.instant()));
            } finally {
                this.metrics.analysisFinished(outcome, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return new Report(ran, busyUntil);
    }

    @Override
    public boolean hasQueued(String recordingId) {
        Instant now = clock.instant();
        return analyses.listForRecording(recordingId).stream().anyMatch(a -> a.claimable(now));
    }

    /** When another run's hold on an analysis ends; null when it is not running. */
    private static Instant heldUntil(Analysis a) {
        return a.status() == AnalysisStatus.RUNNING ? a.leaseUntil() : null;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private void renew(Analysis running) {
        if (!analyses.renewLease(running.id(), running.runId(), clock.instant().plus(worker.lease()))) {
            LOG.warning("analysis " + running.id() + " is no longer held by this run; its result will be dropped");
        }
    }

    /** Only while this run still holds it: a run that stalled past its lease never overwrites the one that took over. */
    private void finish(Analysis running, Analysis result) {
        if (!analyses.update(result, AnalysisStatus.RUNNING)) {
            LOG.warning("analysis " + running.id() + " was taken over by another run; this run's result is dropped");
        }
    }

    private Analysis analyse(Analysis running, Recording recording, LessonMetrics metrics, TranscriptQuality quality)
            throws RubricAnalysisException {
        Template template = templates.find(running.templateId(), running.templateVersion()).orElseThrow(
                () -> new IllegalStateException("template " + running.templateId() + " version "
                        + running.templateVersion() + " is missing"));
        RubricResult feedback = quality.lowConfidence() ? null : judge(template, recording, metrics);
        Map<String, Double> judged = new HashMap<>();
        if (feedback != null) {
            for (CriterionFeedback f : feedback.criteria()) {
                judged.put(f.criterion(), (double) f.score());
            }
        }
        return running.completed(metrics, quality, Scorecard.score(template, metrics, judged), feedback,
                clock.instant());
    }

    private RubricResult judge(Template template, Recording recording, LessonMetrics metrics)
            throws RubricAnalysisException {
        List<RubricCriterion> judged = template.criteria().stream().filter(Criterion::isJudged)
                .map(c -> new RubricCriterion(c.name(), c.weight(), c.judged())).toList();
        if (judged.isEmpty() || metrics.utterances().isEmpty()
                || !schoolSettings.find(recording.schoolId()).rubricEnabled()) {
            return null;
        }
        List<MeasuredMetric> measured = metrics.measurements().values().stream().filter(Measurement::isMeasured)
                .map(m -> new MeasuredMetric(m.metric().name(), m.value(), m.metric().unit())).toList();
        List<TranscriptExcerpt> excerpts = metrics.utterances().stream()
                .map(u -> new TranscriptExcerpt(u.start(), u.end(), u.text())).toList();
        ClassContext context = new ClassContext(orEmpty(recording.metadata().subject()),
                orEmpty(recording.metadata().grade()));
        return rubric.analyze(new RubricRequest(judged, context, measured, excerpts));
    }

    /** Speakers the transcript names win over the estimate from the audio. */
    private LessonMetrics measure(Recording recording, Transcript transcript) {
        Optional<SuppliedSpeakers.Labelled> supplied = SuppliedSpeakers.of(transcript);
        if (supplied.isPresent()) {
            return measurer.measure(supplied.get().utterances(), supplied.get().estimate());
        }
        List<Utterance> utterances = Utterances.of(transcript);
        return measurer.measure(utterances, speakers(recording, utterances));
    }

    /**
     * Speakers from the audio this job's transcription decoded, when it kept it here; otherwise (another machine or
     * job, an engine that decodes elsewhere, a kept pass that cannot be read) from the stored audio, decoded again.
     * Without audio, speaker-free metrics. When the audio cannot be read the estimate carries the reason, which the
     * speaker-dependent metrics report.
     */
    private SpeakerEstimate speakers(Recording recording, List<Utterance> utterances) {
        if (!recording.hasAudio() || utterances.isEmpty()) {
            return SpeakerEstimate.unknown(utterances.size());
        }
        Optional<Path> decoded = decodedAudio.find(recording.id(), recording.audioKey());
        if (decoded.isPresent()) {
            try {
                return speakerEstimator.estimate(utterances,
                        chunks -> Pcm16Wav.stream(decoded.get(), CHUNK_SAMPLES, chunks));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the decoded audio kept for recording " + recording.id()
                        + " cannot be read; decoding the stored audio again", e);
            }
        }
        try (ReadableAudio audio = ReadableAudio.of(audioStore, recording.audioKey(), worker.scratchDir(),
                recording.id())) {
            Path file = audio.path();
            return speakerEstimator.estimate(utterances, chunks -> {
                try {
                    decoder.decode(file, CHUNK_SAMPLES, chunks);
                } catch (UndecodableAudioException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "no speaker estimate for recording " + recording.id(), e);
            return SpeakerEstimate.failed(utterances.size(), "the audio could not be read to tell the speakers apart ("
                    + e.getMessage() + ")");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

package org.classreflect.adapters.local.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech to text with whisper.cpp through whisper-jni. The native library is loaded once per process and the model
 * once per transcriber, both on first use. A whisper context is not thread-safe, so transcriptions on one
 * transcriber run one at a time. whisper-jni 1.7.1 offers no progress callback: progress is 0, then 100.
 */
public final class WhisperTranscriber implements Transcriber {

    static final String ENGINE = "whisper.cpp";
    private static final Logger LOG = LoggerFactory.getLogger(WhisperTranscriber.class);
    private static final String AUTO_DETECT = "auto";

    private final Path model;
    private final String language;
    private final int threads;
    private final Object loading = new Object();
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private volatile LoadedModel loaded;

    /** English for {@code .en} models, detected otherwise; one thread per available processor. */
    public WhisperTranscriber(Path model) {
        this(model, isEnglishOnly(model) ? "en" : AUTO_DETECT, Runtime.getRuntime().availableProcessors());
    }

    public WhisperTranscriber(Path model, String language, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.model = model.toAbsolutePath().normalize();
        this.language = language;
        this.threads = threads;
    }

    @Override
    public TranscriberStatus status() {
        try {
            load();
            return TranscriberStatus.ready(ENGINE, modelId());
        } catch (TranscriptionException e) {
            return TranscriberStatus.unavailable(ENGINE, e.getMessage());
        }
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        LoadedModel engine = load();
        float[] samples = WavDecoder.decode(audio);
        progress.percent(0);
        List<Segment> segments = runWhisper(engine, samples);
        progress.percent(100);
        String reportedLanguage = AUTO_DETECT.equals(language) ? null : language;
        return new Transcription(reportedLanguage, ENGINE, modelId(), segments, List.of(),
                (double) samples.length / WavDecoder.SAMPLE_RATE);
    }

    private LoadedModel load() throws TranscriptionException {
        LoadedModel current = loaded;
        if (current != null) {
            return current;
        }
        synchronized (loading) {
            if (loaded == null) {
                loaded = loadModel();
            }
            return loaded;
        }
    }

    private LoadedModel loadModel() throws TranscriptionException {
        if (!Files.isRegularFile(model)) {
            throw new TranscriptionException("no Whisper model at " + model + ". Download a whisper.cpp ggml model,"
                    + " e.g. ggml-base.en.bin from https://huggingface.co/ggerganov/whisper.cpp/tree/main, into "
                    + model.getParent() + " and name it " + model.getFileName());
        }
        try {
            WhisperJNI whisper = NativeLibrary.load();
            long start = System.nanoTime();
            WhisperContext context = whisper.init(model);
            if (context == null) {
                throw new TranscriptionException("whisper.cpp could not read the model " + model
                        + "; the file may be damaged or not a ggml model");
            }
            LOG.info("loaded Whisper model {} in {} ms", model, (System.nanoTime() - start) / 1_000_000);
            return new LoadedModel(whisper, context);
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new TranscriptionException("could not load whisper.cpp with the model " + model + ": "
                    + e.getMessage(), e);
        }
    }

    private List<Segment> runWhisper(LoadedModel engine, float[] samples) throws TranscriptionException {
        WhisperJNI whisper = engine.whisper();
        WhisperContext context = engine.context();
        oneAtATime.lock();
        try {
            int result = whisper.full(context, parameters(), samples, samples.length);
            if (result != 0) {
                throw new TranscriptionException("whisper.cpp could not transcribe the audio (error " + result + ")");
            }
            int count = whisper.fullNSegments(context);
            List<Segment> segments = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                double start = Math.max(0, whisper.fullGetSegmentTimestamp0(context, i) / 100.0);
                double end = Math.max(start, whisper.fullGetSegmentTimestamp1(context, i) / 100.0);
                segments.add(new Segment(start, end, whisper.fullGetSegmentText(context, i), null));
            }
            return segments;
        } finally {
            oneAtATime.unlock();
        }
    }

    private WhisperFullParams parameters() {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = threads;
        params.language = language;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        return params;
    }

    private String modelId() {
        return model.getFileName().toString();
    }

    private static boolean isEnglishOnly(Path model) {
        return model.getFileName().toString().contains(".en.");
    }

    /** The library's entry point and the context holding the model. */
    private record LoadedModel(WhisperJNI whisper, WhisperContext context) {
    }

    /** The native library, unpacked to {@code java.io.tmpdir} and loaded once per process. */
    private static final class NativeLibrary {

        private static boolean loaded;

        static synchronized WhisperJNI load() throws IOException {
            if (!loaded) {
                WhisperJNI.loadLibrary(LOG::debug);
                WhisperJNI.setLibraryLogger(LOG::debug);
                loaded = true;
            }
            return new WhisperJNI();
        }
    }
}

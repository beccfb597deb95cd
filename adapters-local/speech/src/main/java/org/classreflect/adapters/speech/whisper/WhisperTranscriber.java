package org.classreflect.adapters.speech.whisper;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech to text with whisper.cpp through whisper-jni 1.7.1. The audio is decoded and transcribed one window at a
 * time (see {@link WhisperParameters#window()}), each window cut at a quiet moment and its segment times offset by
 * where it starts, so memory stays bounded by the window and progress is reported after each one (whisper-jni has
 * no progress callback); an interrupted thread stops before the next window. The segments then pass the {@link SegmentGuards}, and words get times from
 * {@link WordTimings}. Models are loaded once, on first use, and kept in a small cache; a job may name another
 * catalogue model, found in the models directory.
 */
public final class WhisperTranscriber implements Transcriber, AutoCloseable {

    static final String ENGINE = "whisper.cpp";
    /** Models kept loaded at once: the deployment's and one a job asked for. */
    static final int MODELS_KEPT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(WhisperTranscriber.class);
    private static final Pattern ENGLISH_ONLY = Pattern.compile("\\.en[.-]");
    private static final int CHUNK_SAMPLES = 10 * AudioDecoder.SAMPLE_RATE;
    private static final int SEARCH_SAMPLES = 5 * AudioDecoder.SAMPLE_RATE;
    /** whisper.cpp skips input under one second; shorter windows are padded with silence. */
    private static final int SHORTEST_INPUT = AudioDecoder.SAMPLE_RATE + AudioDecoder.SAMPLE_RATE / 10;

    private final Path defaultModel;
    private final Path modelsDirectory;
    private final WhisperParameters parameters;
    private final AudioDecoder decoder;
    private final ModelCache<LoadedModel> models =
            new ModelCache<>(MODELS_KEPT, WhisperTranscriber::loadModel, LoadedModel::free);

    /**
     * @param defaultModel    the model file used unless a job names another
     * @param modelsDirectory where catalogue models named by jobs are found (as {@code ggml-<name>.bin})
     */
    public WhisperTranscriber(Path defaultModel, Path modelsDirectory, WhisperParameters parameters,
                              AudioDecoder decoder) {
        this.defaultModel = defaultModel.toAbsolutePath().normalize();
        this.modelsDirectory = modelsDirectory.toAbsolutePath().normalize();
        this.parameters = parameters;
        this.decoder = decoder;
    }

    @Override
    public TranscriberStatus status() {
        try {
            models.ensureLoaded(defaultModel);
            return TranscriberStatus.ready(ENGINE, modelId(defaultModel));
        } catch (TranscriptionException e) {
            return TranscriberStatus.unavailable(ENGINE, e.getMessage());
        }
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        return transcribe(audio, TranscriptionOptions.DEFAULTS, progress);
    }

    /**
     * Frees the loaded models' native memory (after any job using one). whisper.cpp's ggml keeps its contexts in a
     * fixed process-wide table of 64, so a process that makes many transcribers must close them.
     */
    @Override
    public void close() {
        models.freeAll();
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress)
            throws TranscriptionException {
        return transcribe(audio, options, progress, chunk -> { });
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress,
                                    Consumer<float[]> decoded) throws TranscriptionException {
        Path model = modelFor(options);
        String language = languageFor(model, options);
        WhisperFullParams whisperParams = whisperParams(language, options.prompt() == null
                ? parameters.prompt() : options.prompt());
        double expectedSeconds = probe(audio);
        List<Segment> raw = new ArrayList<>();
        long[] samples = {0};
        try (ModelCache<LoadedModel>.Lease lease = models.acquire(model)) {
            progress.percent(0);
            AudioWindows windows = new AudioWindows(windowSamples(), searchSamples(), (window, start) -> {
                stopIfInterrupted(start);
                raw.addAll(transcribeWindow(lease.model(), whisperParams, window, start));
                samples[0] = start + window.length;
                progress.percent(percent(samples[0], expectedSeconds));
            });
            decoder.decode(audio, CHUNK_SAMPLES, chunk -> {
                decoded.accept(chunk);
                windows.accept(chunk);
            });
            windows.finish();
        } catch (WindowFailed e) {
            throw e.failure;
        } catch (UndecodableAudioException e) {
            throw new TranscriptionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new TranscriptionException("could not read the audio file: " + e.getMessage(), e);
        }
        double audioSeconds = (double) samples[0] / AudioDecoder.SAMPLE_RATE;
        List<Segment> segments = SegmentGuards.apply(raw, audioSeconds);
        progress.percent(100);
        return new Transcription(WhisperParameters.AUTO.equals(language) ? null : language, ENGINE, modelId(model),
                segments, WordTimings.of(segments), audioSeconds);
    }

    private Path modelFor(TranscriptionOptions options) throws TranscriptionException {
        if (options.model() == null || options.model().isBlank()) {
            return defaultModel;
        }
        CatalogueModel named = ModelCatalogue.find(options.model()).orElseThrow(() -> new TranscriptionException(
                "there is no Whisper model called " + options.model() + "; the models are " + ModelCatalogue.names()));
        Path file = modelsDirectory.resolve(named.fileName());
        if (!Files.isRegularFile(file)) {
            throw new TranscriptionException("the Whisper model " + named.name() + " is not downloaded; run "
                    + "`classreflect-worker models pull " + named.name() + "` to put it in " + modelsDirectory);
        }
        return file;
    }

    private String languageFor(Path model, TranscriptionOptions options) {
        String asked = options.language() == null || options.language().isBlank()
                ? parameters.language() : options.language();
        return WhisperParameters.AUTO.equals(asked) && isEnglishOnly(model) ? "en" : asked;
    }

    private double probe(Path audio) throws TranscriptionException {
        try {
            return decoder.probe(audio).durationSeconds();
        } catch (UndecodableAudioException e) {
            throw new TranscriptionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new TranscriptionException("could not read the audio file: " + e.getMessage(), e);
        }
    }

    /**
     * whisper.cpp cannot be stopped inside a window (whisper-jni 1.7.1 has no abort callback), so an interrupted
     * thread (a worker shutting down) stops before the next one; the interrupt stays set for the caller.
     */
    private static void stopIfInterrupted(long startSample) {
        if (Thread.currentThread().isInterrupted()) {
            throw new WindowFailed(new TranscriptionException("the transcription was cancelled at "
                    + Math.round((double) startSample / AudioDecoder.SAMPLE_RATE) + " s: its thread was interrupted"));
        }
    }

    private List<Segment> transcribeWindow(LoadedModel engine, WhisperFullParams whisperParams, float[] window,
                                           long startSample) {
        float[] input = window.length < SHORTEST_INPUT ? Arrays.copyOf(window, SHORTEST_INPUT) : window;
        double offset = (double) startSample / AudioDecoder.SAMPLE_RATE;
        WhisperJNI whisper = engine.whisper();
        WhisperContext context = engine.context();
        int result = whisper.full(context, whisperParams, input, input.length);
        if (result != 0) {
            throw new WindowFailed(new TranscriptionException("whisper.cpp could not transcribe the audio from "
                    + Math.round(offset) + " s (error " + result + ")"));
        }
        int count = whisper.fullNSegments(context);
        List<Segment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double start = offset + Math.max(0, whisper.fullGetSegmentTimestamp0(context, i) / 100.0);
            double end = Math.max(start, offset + whisper.fullGetSegmentTimestamp1(context, i) / 100.0);
            segments.add(new Segment(start, end, whisper.fullGetSegmentText(context, i), null));
        }
        return segments;
    }

    private WhisperFullParams whisperParams(String language, String prompt) {
        WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
        params.nThreads = parameters.threads();
        params.language = language;
        params.detectLanguage = false;
        params.initialPrompt = prompt.isBlank() ? null : prompt;
        params.noContext = true;
        params.temperature = 0f;
        params.temperatureInc = parameters.temperatureStep();
        params.noSpeechThold = parameters.noSpeechThreshold();
        params.suppressBlank = true;
        params.suppressNonSpeechTokens = true;
        params.printProgress = false;
        params.printRealtime = false;
        params.printTimestamps = false;
        return params;
    }

    private int windowSamples() {
        return (int) Math.min(Integer.MAX_VALUE / 2, parameters.window().toMillis() * AudioDecoder.SAMPLE_RATE / 1000);
    }

    private int searchSamples() {
        return Math.min(SEARCH_SAMPLES, windowSamples() / 4);
    }

    private static int percent(long samplesDone, double expectedSeconds) {
        if (expectedSeconds <= 0) {
            return 0;
        }
        double done = samplesDone / (expectedSeconds * AudioDecoder.SAMPLE_RATE);
        return (int) Math.max(1, Math.min(99, Math.floor(done * 100)));
    }

    private static String modelId(Path model) {
        return model.getFileName().toString();
    }

    private static boolean isEnglishOnly(Path model) {
        return ENGLISH_ONLY.matcher(model.getFileName().toString()).find();
    }

    private static LoadedModel loadModel(Path model) throws TranscriptionException {
        if (!Files.isRegularFile(model)) {
            throw new TranscriptionException("no Whisper model at " + model + ". Download one with "
                    + "`classreflect-worker models pull base.en` (models from "
                    + "https://huggingface.co/ggerganov/whisper.cpp), into " + model.getParent()
                    + ", and name it " + model.getFileName());
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

    /** The library's entry point and the context holding the model. */
    private record LoadedModel(WhisperJNI whisper, WhisperContext context) {
        void free() {
            whisper.free(context);
        }
    }

    /** Carries a window's failure out of the decoder's callback, which cannot throw checked exceptions. */
    private static final class WindowFailed extends RuntimeException {
        final TranscriptionException failure;

        WindowFailed(TranscriptionException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
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

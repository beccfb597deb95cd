package org.classreflect.adapters.speech.pocketsphinx;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;

/**
 * Speech to text with CMU pocketsphinx, through the {@code pocketsphinx_continuous} program of Debian's
 * {@code pocketsphinx} package and the US English model of {@code pocketsphinx-en-us}. Far less accurate than Whisper
 * and without punctuation, but it needs no model download, runs on any CPU, and gives a time and a confidence for
 * every word. Any input is first decoded to a 16 kHz mono 16-bit WAV beside it; the program streams through that,
 * so memory does not grow with the length of the lesson. Each call runs its own process.
 */
public final class PocketsphinxTranscriber implements Transcriber {

    public static final String ENGINE = "pocketsphinx";
    public static final String INSTALL_HINT =
            "install Debian's pocketsphinx and pocketsphinx-en-us packages: apt-get install -y pocketsphinx pocketsphinx-en-us";
    public static final String DEFAULT_PROGRAM = "pocketsphinx_continuous";
    public static final Path DEFAULT_MODEL_DIR = Path.of("/usr/share/pocketsphinx/model/en-us");
    private static final String MODEL_ID = "en-us";
    /**
     * Search limits: 1.7 times faster than the defaults (30000, -1) with the same words on the LibriSpeech clips
     * (see docs/transcription.md).
     */
    private static final String MAX_HMMS_PER_FRAME = "3000";
    private static final String MAX_WORDS_PER_FRAME = "10";
    private static final long POLL_MILLIS = 500;
    private static final int LOG_LINES_IN_ERRORS = 5;

    private final AudioDecoder decoder;
    private final String program;
    private final Path modelDir;

    /** The Debian program on the PATH and the Debian model directory. */
    public PocketsphinxTranscriber(AudioDecoder decoder) {
        this(decoder, DEFAULT_PROGRAM, DEFAULT_MODEL_DIR);
    }

    /**
     * @param program  a program name looked up on the PATH, or a path to it
     * @param modelDir a directory holding the acoustic model {@code en-us/}, {@code en-us.lm.bin} and
     *                 {@code cmudict-en-us.dict}, as {@code pocketsphinx-en-us} installs them
     */
    public PocketsphinxTranscriber(AudioDecoder decoder, String program, Path modelDir) {
        this.decoder = decoder;
        this.program = program;
        this.modelDir = modelDir;
    }

    @Override
    public TranscriberStatus status() {
        if (executable().isEmpty()) {
            return TranscriberStatus.unavailable(ENGINE, "the program " + program + " was not found; " + INSTALL_HINT);
        }
        for (Path part : List.of(acousticModel(), languageModel(), dictionary())) {
            if (!Files.exists(part)) {
                return TranscriberStatus.unavailable(ENGINE, "the pocketsphinx model is missing (no " + part + "); "
                        + INSTALL_HINT);
            }
        }
        return TranscriberStatus.ready(ENGINE, MODEL_ID);
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        return transcribe(audio, TranscriptionOptions.DEFAULTS, progress, chunk -> { });
    }

    /** Pocketsphinx has one model and one language: the job's choices are ignored. */
    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress,
                                    Consumer<float[]> decoded) throws TranscriptionException {
        TranscriberStatus status = status();
        if (!status.ready()) {
            throw new TranscriptionException(status.detail());
        }
        Path work = audio.toAbsolutePath().getParent();
        Path wav = null;
        Path out = null;
        Path log = null;
        try {
            wav = Files.createTempFile(work, "pocketsphinx-", ".wav");
            out = Files.createTempFile(work, "pocketsphinx-", ".out");
            log = Files.createTempFile(work, "pocketsphinx-", ".log");
            double seconds = Pcm16WavFile.write(decoder, audio, wav, decoded);
            progress.percent(0);
            PocketsphinxOutput result = run(wav, out, log, seconds, progress);
            progress.percent(100);
            return new Transcription("en", ENGINE, MODEL_ID, result.segments(), result.words(), seconds);
        } catch (UndecodableAudioException e) {
            throw new TranscriptionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new TranscriptionException("pocketsphinx could not run: " + e.getMessage(), e);
        } finally {
            deleteQuietly(wav);
            deleteQuietly(out);
            deleteQuietly(log);
        }
    }

    private PocketsphinxOutput run(Path wav, Path out, Path log, double seconds, TranscriptionProgress progress)
            throws IOException, TranscriptionException {
        List<String> command = new ArrayList<>(ChildProcesses.dyingWithThisProcess());
        command.addAll(List.of(executable().orElseThrow().toString(),
                "-infile", wav.toString(), "-time", "yes", "-maxhmmpf", MAX_HMMS_PER_FRAME, "-maxwpf", MAX_WORDS_PER_FRAME,
                "-hmm", acousticModel().toString(), "-lm", languageModel().toString(), "-dict", dictionary().toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .start();
        PocketsphinxOutput output = new PocketsphinxOutput(seconds);
        try (InputStream results = Files.newInputStream(out)) {
            LineFollower lines = new LineFollower(results, output::line);
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                lines.readAvailable();
                progress.percent(seconds <= 0 ? 0 : (int) Math.min(99, 100 * output.position() / seconds));
            }
            lines.readAvailable();
            lines.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("pocketsphinx was stopped before it finished");
        } finally {
            ChildProcesses.destroyAndWait(process);
        }
        if (process.exitValue() != 0) {
            throw new TranscriptionException("pocketsphinx failed (exit " + process.exitValue() + "): "
                    + lastLines(log));
        }
        return output;
    }

    private Optional<Path> executable() {
        if (program.contains(File.separator)) {
            return Optional.of(Path.of(program)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Path acousticModel() {
        return modelDir.resolve("en-us");
    }

    private Path languageModel() {
        return modelDir.resolve("en-us.lm.bin");
    }

    private Path dictionary() {
        return modelDir.resolve("cmudict-en-us.dict");
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>(lines.stream().filter(l -> l.startsWith("ERROR")).toList());
        List<String> shown = errors.isEmpty() ? lines : errors;
        return String.join(" | ", shown.subList(Math.max(0, shown.size() - LOG_LINES_IN_ERRORS), shown.size()));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a scratch file left behind is removed with the worker's scratch directory
        }
    }
}

package org.classreflect.worker;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.export.TranscriptFormat;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.Transcribers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribes audio files on this machine, one after the other, and writes each transcript as "
                + "<name>.<format>. Prints each file's audio seconds, wall seconds and real-time factor.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every file was transcribed", "1:some file failed (the others were still written)",
                "2:invalid options", "3:the engine is not ready (e.g. no model)"})
public final class TranscribeCommand implements Callable<Integer> {

    static final int ENGINE_NOT_READY = 3;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to transcribe.")
    List<Path> files;

    @Option(names = "--engine", description = "Speech engine (default: CLASSREFLECT_ENGINE, else whisper).")
    String engine;

    @Option(names = "--model", paramLabel = "PATH",
            description = "Model file of the engine (default: CLASSREFLECT_WHISPER_MODEL).")
    Path model;

    @Option(names = "--language", paramLabel = "CODE",
            description = "Language of the speech, e.g. en; written into the transcript when the engine names none.")
    String language;

    @Option(names = "--format", defaultValue = "srt",
            description = "txt, json, srt, vtt or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the transcripts (default: beside each file).")
    Path out;

    @Spec
    CommandSpec spec;

    private final Function<Settings, Transcriber> engines;

    public TranscribeCommand() {
        this(Transcribers::fromSettings);
    }

    /** For tests: the engine is made from the settings by this function instead of the real factory. */
    TranscribeCommand(Function<Settings, Transcriber> engines) {
        this.engines = engines;
    }

    @Override
    public Integer call() throws Exception {
        TranscriptFormat exportFormat = TranscriptFormat.named(format).orElseThrow(() ->
                new CommandLine.ParameterException(spec.commandLine(), "--format must be txt, json, srt, vtt or csv"));
        Transcriber transcriber = transcriber();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TranscriberStatus status = transcriber.status();
        if (!status.ready()) {
            stderr.println("The " + status.engine() + " engine is not ready: " + status.detail());
            return ENGINE_NOT_READY;
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        int failed = 0;
        for (Path file : files) {
            try {
                stdout.println("  -> " + transcribe(transcriber, file, exportFormat, stdout));
            } catch (TranscriptionException | IOException e) {
                failed++;
                stderr.println(file + ": " + e.getMessage());
            }
        }
        stdout.printf("%d of %d file(s) transcribed%n", files.size() - failed, files.size());
        return failed == 0 ? 0 : 1;
    }

    private Transcriber transcriber() {
        Settings settings = Settings.fromEnvironment();
        if (engine != null) {
            settings = settings.with(Setting.ENGINE, engine);
        }
        if (model != null) {
            settings = settings.with(Setting.WHISPER_MODEL, model.toAbsolutePath().toString());
        }
        try {
            return engines.apply(settings);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Path transcribe(Transcriber transcriber, Path file, TranscriptFormat exportFormat, PrintWriter stdout)
            throws TranscriptionException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file");
        }
        String name = file.getFileName().toString();
        long started = System.nanoTime();
        Transcription transcription;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(100).build()) {
            transcription = transcriber.transcribe(file, bar::stepTo);
            bar.stepTo(100);
        }
        double wall = (System.nanoTime() - started) / 1e9;
        if (transcription.language() == null && language != null) {
            transcription = new Transcription(language.toLowerCase(Locale.ROOT), transcription.engine(),
                    transcription.modelId(), transcription.segments(), transcription.words(),
                    transcription.audioSeconds());
        }
        Transcript transcript = Transcript.of(name, transcription, wall, Instant.now());
        Path target = (out != null ? out : file.toAbsolutePath().getParent())
                .resolve(baseName(name) + "." + exportFormat.extension());
        Files.writeString(target, exportFormat.write(transcript));
        double audio = transcription.audioSeconds();
        stdout.printf(Locale.ROOT, "%s: %.1f s of audio in %.1f s, real-time factor %s%n", name, audio, wall,
                audio > 0 ? String.format(Locale.ROOT, "%.3f", wall / audio) : "n/a");
        return target;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}

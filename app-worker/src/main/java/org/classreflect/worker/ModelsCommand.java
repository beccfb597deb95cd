package org.classreflect.worker;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.classreflect.adapters.speech.whisper.CatalogueModel;
import org.classreflect.adapters.speech.whisper.ModelCatalogue;
import org.classreflect.adapters.speech.whisper.ModelDownloadException;
import org.classreflect.adapters.speech.whisper.ModelDownloader;
import org.classreflect.adapters.speech.whisper.ModelDownloader.Pulled;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.config.WhisperSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class},
        description = "Whisper models: which exist, which are here, and fetching one.")
final class ModelsCommand {

    static final int NOT_IN_CATALOGUE = 2;
    static final int FAILED = 1;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the catalogue, marking the models already in the models directory.")
    static final class ListModels implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = Settings.fromEnvironment();
            Path dir = WhisperSettings.modelsDir(settings);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Models directory: " + dir);
            out.printf("%-21s %9s  %-9s  %-8s  %s%n", "NAME", "SIZE", "LANGUAGE", "HERE", "ABOUT");
            for (CatalogueModel model : ModelCatalogue.all()) {
                String here = Files.isRegularFile(dir.resolve(model.fileName()))
                        ? (dir.resolve(model.fileName()).equals(settings.whisperModel()) ? "default" : "yes") : "";
                out.printf("%-21s %9s  %-9s  %-8s  %s%s%n", model.name(),
                        model.sizeBytes().isPresent() ? megabytes(model.sizeBytes().getAsLong()) : "?",
                        model.englishOnly() ? "English" : "any", here, model.summary(),
                        model.sha256().isPresent() ? "" : " (no published sha-256: not verified on pull)");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Downloads a model into the models directory, resuming a broken download and checking "
                    + "its sha-256 before installing it.")
    static final class Pull implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A model name from `models list`, e.g. base.en")
        String name;

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.fromEnvironment();
            PrintWriter out = spec.commandLine().getOut();
            Installed installed = install(name, settings, out, spec.commandLine().getErr());
            if (installed.file().isPresent() && !installed.file().get().equals(settings.whisperModel())) {
                out.println("To use it by default, set CLASSREFLECT_WHISPER_MODEL=" + installed.file().get());
                out.flush();
            }
            return installed.exitCode();
        }
    }

    /** The outcome of fetching a model: the installed file, or the exit code that says why there is none. */
    record Installed(int exitCode, Optional<Path> file) {
    }

    /**
     * Fetches a catalogue model into the models directory unless it is there, checking its sha-256; for
     * {@code models pull} and for {@code work --pull-model}.
     */
    static Installed install(String name, Settings settings, PrintWriter out, PrintWriter err) throws Exception {
        Optional<CatalogueModel> found = ModelCatalogue.find(name);
        if (found.isEmpty()) {
            err.println("No model called " + name + ". The models are: " + ModelCatalogue.names());
            err.flush();
            return new Installed(NOT_IN_CATALOGUE, Optional.empty());
        }
        CatalogueModel model = found.get();
        ModelDownloader downloader = new ModelDownloader(WhisperSettings.modelsUrl(settings));
        Path dir = WhisperSettings.modelsDir(settings);
        out.println("Fetching " + model.fileName() + " from " + downloader.urlOf(model) + " into " + dir);
        out.flush();
        Pulled pulled;
        try (DownloadBar bar = new DownloadBar(model.fileName())) {
            pulled = downloader.pull(model, dir, bar);
        } catch (ModelDownloadException e) {
            err.println("Not installed: " + e.getMessage());
            err.flush();
            return new Installed(FAILED, Optional.empty());
        }
        out.println((pulled.alreadyPresent() ? "Already there: " : "Installed: ") + pulled.file());
        switch (pulled.verification()) {
            case SHA256_MATCHED -> out.println("sha-256 " + pulled.sha256() + " matches the published one.");
            case SIZE_ONLY, NOT_VERIFIED -> out.println("WARNING: no published sha-256 is known for "
                    + model.name() + ", so the file could NOT be verified. Its sha-256 is " + pulled.sha256()
                    + "; compare it with the one on the model host's file page.");
        }
        out.flush();
        return new Installed(0, Optional.of(pulled.file()));
    }

    /** A console progress bar, shown from the first byte count on, in MiB. */
    private static final class DownloadBar implements ModelDownloader.Progress, AutoCloseable {

        private final String task;
        private ProgressBar bar;

        DownloadBar(String task) {
            this.task = task;
        }

        @Override
        public void bytes(long doneBytes, long totalBytes) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1024 * 1024).showSpeed().build();
            }
            bar.maxHint(totalBytes);
            bar.stepTo(doneBytes);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes / (1024 * 1024) + " MiB";
    }
}

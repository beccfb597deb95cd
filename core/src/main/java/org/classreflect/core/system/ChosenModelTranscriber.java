package org.classreflect.core.system;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;

/**
 * The speech engine, given the Whisper model a super admin chose whenever a job names none itself. The choice is
 * read from the database for every transcription, so a change reaches the next job on every worker, wherever it runs.
 */
public final class ChosenModelTranscriber implements Transcriber {

    private final Transcriber engine;
    private final SystemChoicesStore choices;

    public ChosenModelTranscriber(Transcriber engine, SystemChoicesStore choices) {
        this.engine = engine;
        this.choices = choices;
    }

    @Override
    public TranscriberStatus status() {
        return engine.status();
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        return transcribe(audio, TranscriptionOptions.DEFAULTS, progress);
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress)
            throws TranscriptionException {
        return transcribe(audio, options, progress, chunk -> { });
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress,
                                    Consumer<float[]> decoded) throws TranscriptionException {
        String chosen = choices.find().transcriptionModel();
        TranscriptionOptions effective = options.model() != null || chosen == null ? options
                : new TranscriptionOptions(chosen, options.language(), options.prompt());
        return engine.transcribe(audio, effective, progress, decoded);
    }
}

package org.classreflect.core.transcript;

import java.nio.file.Path;

/** Port: speech to timestamped text. */
public interface Transcriber {

    TranscriberStatus status();

    Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException;

    /** With a job's own choices; an engine that has none to offer ignores them. */
    default Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress)
            throws TranscriptionException {
        return transcribe(audio, progress);
    }
}

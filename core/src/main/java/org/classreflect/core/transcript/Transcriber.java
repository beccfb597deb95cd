package org.classreflect.core.transcript;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Port: speech to timestamped text. */
public interface Transcriber {

    TranscriberStatus status();

    Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException;

    /** With a job's own choices; an engine that has none to offer ignores them. */
    default Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress)
            throws TranscriptionException {
        return transcribe(audio, progress);
    }

    /**
     * As {@link #transcribe(Path, TranscriptionOptions, TranscriptionProgress)}, also handing every chunk of the audio
     * this engine decodes on this host to {@code decoded}, as it decodes it: 16 kHz mono samples in [-1, 1], in
     * order, the whole audio once. The job keeps that pass for its analysis, which then need not decode the audio
     * again. An engine that does not decode here (or chooses not to share) never calls it.
     */
    default Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress,
                                     Consumer<float[]> decoded) throws TranscriptionException {
        return transcribe(audio, options, progress);
    }
}

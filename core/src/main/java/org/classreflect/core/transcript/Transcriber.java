package org.classreflect.core.transcript;

import java.nio.file.Path;

/** Port: speech to timestamped text. */
public interface Transcriber {

    TranscriberStatus status();

    Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException;
}

package edu.example.minimal;

import java.nio.file.Path;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;

/** A host's own speech engine, reduced to the least: every recording says the same sentence. */
final class FixedTranscriber implements Transcriber {

    static final String SENTENCE = "And so, my fellow Americans, ask not what your country can do for you; "
            + "ask what you can do for your country.";

    @Override
    public TranscriberStatus status() {
        return TranscriberStatus.ready("fixed", "one-sentence");
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) {
        progress.percent(100);
        return new Transcription("en", "fixed", "one-sentence", List.of(new Segment(0.0, 11.0, SENTENCE, 1.0)),
                List.of(), 11.0);
    }
}

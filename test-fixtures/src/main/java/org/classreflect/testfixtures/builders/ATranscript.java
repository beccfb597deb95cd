package org.classreflect.testfixtures.builders;

import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Word;

public final class ATranscript {

    private ATranscript() {
    }

    public static Transcript withText(String recordingId, String text) {
        return new Transcript(recordingId, text, "en", "whisper.cpp", "ggml-base.en",
                List.of(new Segment(0.0, 2.5, text, 0.875)),
                List.of(new Word(0.0, 1.25, text, 0.875)), 1, 0.875, 1.5, 2.5, Times.T0);
    }
}

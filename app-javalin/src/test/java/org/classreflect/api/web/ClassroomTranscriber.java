package org.classreflect.api.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;

/**
 * Hears any audio as the same short classroom exchange over jfk.wav's eleven seconds: three questions of the
 * teacher (two open, one closed) and two student answers, with speaker labels as a transcript supplied with speakers
 * would have them, so the lesson summary has teacher and student bands, questions and wait times the test knows.
 */
final class ClassroomTranscriber implements Transcriber {

    /** start, end, speaker, text; a word's times are spread evenly over its segment. */
    static final Object[][] SEGMENTS = {
            {0.3, 3.0, "Teacher", "What do plants need to grow?"},
            {4.4, 5.3, "Student", "Water and sunlight."},
            {5.6, 7.7, "Teacher", "Excellent. Why do you think sunlight matters?"},
            {8.0, 9.3, "Student", "It gives them energy."},
            {9.6, 10.8, "Teacher", "Does that make sense?"}};

    @Override
    public TranscriberStatus status() {
        return TranscriberStatus.ready("scripted", "classroom-1");
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) {
        List<Segment> segments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        for (Object[] s : SEGMENTS) {
            double start = (double) s[0];
            double end = (double) s[1];
            String text = (String) s[3];
            String[] said = text.split(" ");
            double step = (end - start) / said.length;
            for (int i = 0; i < said.length; i++) {
                words.add(new Word(start + i * step, start + (i + 1) * step, said[i], 0.9));
            }
            segments.add(new Segment(start, end, text, 0.9, (String) s[2]));
        }
        progress.percent(100);
        return new Transcription("en", "scripted", "classroom-1", segments, words, 11.0);
    }
}

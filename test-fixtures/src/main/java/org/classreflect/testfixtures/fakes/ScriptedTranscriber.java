package org.classreflect.testfixtures.fakes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;

/** A speech engine that "hears" the same timed segments in every file, e.g. a short lesson with questions. */
public final class ScriptedTranscriber implements Transcriber {

    /** Twenty seconds of a science lesson: three questions (two open), each followed by a pause, and praise. */
    public static final List<Segment> SHORT_LESSON = List.of(
            new Segment(0.0, 3.0, "Good morning everyone, today we look at the water cycle.", 0.9),
            new Segment(4.0, 6.0, "Why does water evaporate from the sea?", 0.9),
            new Segment(9.5, 12.0, "Because the sun heats it up.", 0.9),
            new Segment(12.5, 14.0, "Excellent, well done.", 0.9),
            new Segment(15.0, 17.0, "How do you think clouds form?", 0.9),
            new Segment(20.0, 22.0, "The vapour cools down.", 0.9),
            new Segment(23.0, 25.0, "Is that clear to everyone?", 0.9));

    private final List<Segment> segments;
    private final List<Word> words;

    /** Hears the segments only, without word times or confidences (as whisper.cpp gives them). */
    public ScriptedTranscriber(List<Segment> segments) {
        this(segments, List.of());
    }

    private ScriptedTranscriber(List<Segment> segments, List<Word> words) {
        this.segments = List.copyOf(segments);
        this.words = List.copyOf(words);
    }

    /** Hears the segments and their words, each word an equal share of its segment, all with this confidence. */
    public static ScriptedTranscriber withWordConfidence(List<Segment> segments, double confidence) {
        List<Word> words = new ArrayList<>();
        for (Segment s : segments) {
            String[] tokens = s.text().trim().split("\\s+");
            double step = (s.end() - s.start()) / tokens.length;
            for (int i = 0; i < tokens.length; i++) {
                words.add(new Word(s.start() + i * step, s.start() + (i + 1) * step, tokens[i], confidence));
            }
        }
        return new ScriptedTranscriber(segments, words);
    }

    @Override
    public TranscriberStatus status() {
        return TranscriberStatus.ready("scripted", "scripted-1");
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) {
        progress.percent(100);
        double end = segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
        return new Transcription("en", "scripted", "scripted-1", segments, words, end);
    }
}

package org.classreflect.api.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;

/**
 * Hears jfk.wav's eleven seconds as three segments of timed words (times close to the real speech), so a browser
 * test knows where each segment starts. {@link #hold()} keeps the next jobs at "processing" until {@link #release()}.
 */
final class JfkTranscriber implements Transcriber {

    static final double[] SEGMENT_STARTS = {0.3, 4.4, 8.0};

    private static final Object[][] WORDS = {
            {0.3, 0.6, "And"}, {0.6, 1.0, "so"}, {1.0, 1.3, "my"}, {1.3, 1.8, "fellow"}, {1.8, 3.0, "Americans,"},
            {4.4, 4.8, "ask"}, {4.8, 5.3, "not"}, {5.6, 6.0, "what"}, {6.0, 6.3, "your"}, {6.3, 6.9, "country"},
            {6.9, 7.1, "can"}, {7.1, 7.3, "do"}, {7.3, 7.5, "for"}, {7.5, 7.7, "you?"},
            {8.0, 8.4, "Ask"}, {8.4, 8.7, "what"}, {8.7, 8.9, "you"}, {8.9, 9.1, "can"}, {9.1, 9.3, "do"},
            {9.3, 9.6, "for"}, {9.6, 9.9, "your"}, {9.9, 10.8, "country."}};

    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Jobs from now on wait at "processing" until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public TranscriberStatus status() {
        return TranscriberStatus.ready("scripted", "jfk-1");
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        progress.percent(0);
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("interrupted", e);
        }
        List<Word> words = new ArrayList<>();
        for (Object[] w : WORDS) {
            words.add(new Word((double) w[0], (double) w[1], (String) w[2], 0.9));
        }
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < SEGMENT_STARTS.length; s++) {
            double start = SEGMENT_STARTS[s];
            double next = s + 1 < SEGMENT_STARTS.length ? SEGMENT_STARTS[s + 1] : Double.MAX_VALUE;
            List<Word> in = words.stream().filter(w -> w.start() >= start && w.start() < next).toList();
            segments.add(new Segment(start, in.get(in.size() - 1).end(),
                    String.join(" ", in.stream().map(Word::text).toList()), 0.9));
        }
        progress.percent(100);
        return new Transcription("en", "scripted", "jfk-1", segments, words, 11.0);
    }
}

package org.classreflect.testfixtures.fakes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.core.transcript.Word;

/**
 * A deterministic stand-in for a speech engine: the "transcript" is derived from the audio's size, so tests can
 * predict it exactly. It can be told to fail its first calls, or to block until released (a job caught mid-flight).
 */
public final class FakeTranscriber implements Transcriber {

    public static final String ENGINE = "fake";

    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failuresToGo;
    private volatile CountDownLatch gate;
    private volatile boolean ready = true;
    private volatile TranscriptionOptions lastOptions;

    public FakeTranscriber failNextCalls(int count) {
        failuresToGo = count;
        return this;
    }

    /** Makes every call wait until {@link #release()} (or forever, for a process that is killed meanwhile). */
    public FakeTranscriber blockUntilReleased() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    public FakeTranscriber ready(boolean value) {
        ready = value;
        return this;
    }

    public int calls() {
        return calls.get();
    }

    /** The options of the last call that passed any. */
    public TranscriptionOptions lastOptions() {
        return lastOptions;
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionOptions options, TranscriptionProgress progress)
            throws TranscriptionException {
        lastOptions = options;
        return transcribe(audio, progress);
    }

    /** The words this fake will produce for an audio file of the given size. */
    public static List<String> wordsFor(long bytes) {
        return List.of("lesson", "audio", "of", Long.toString(bytes), "bytes");
    }

    @Override
    public TranscriberStatus status() {
        return ready ? TranscriberStatus.ready(ENGINE, "fake-1")
                : TranscriberStatus.unavailable(ENGINE, "switched off by the test");
    }

    @Override
    public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
        calls.incrementAndGet();
        progress.percent(0);
        awaitGate();
        if (failuresToGo > 0) {
            failuresToGo--;
            throw new TranscriptionException("fake engine failure");
        }
        long bytes;
        try {
            bytes = Files.size(audio);
        } catch (IOException e) {
            throw new TranscriptionException("cannot read " + audio, e);
        }
        List<Word> words = new ArrayList<>();
        double t = 0;
        for (String w : wordsFor(bytes)) {
            words.add(new Word(t, t + 0.4, w, 0.9));
            t += 0.5;
        }
        progress.percent(50);
        String text = String.join(" ", wordsFor(bytes));
        progress.percent(100);
        return new Transcription("en", ENGINE, "fake-1", List.of(new Segment(0, t, text, 0.9)), words, t);
    }

    private void awaitGate() throws TranscriptionException {
        CountDownLatch g = gate;
        if (g == null) {
            return;
        }
        try {
            g.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionException("interrupted", e);
        }
    }
}

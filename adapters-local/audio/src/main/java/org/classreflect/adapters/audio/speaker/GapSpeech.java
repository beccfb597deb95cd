package org.classreflect.adapters.audio.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Speech heard outside every utterance: runs of loud voiced frames, joined across pauses under
 * {@link #JOIN_SECONDS} (as a transcript's words are joined into utterances), each heard as an utterance is
 * ({@link UtteranceVoice}: cut where the voice changes) from its first voiced frame to its last. A run with fewer
 * than {@link #MIN_FRAMES} voiced frames is a cough, a chair or a breath, not speech, and is dropped. Memory: one
 * run's blocks while it is heard, then its pieces' summaries.
 */
final class GapSpeech {

    static final double JOIN_SECONDS = 0.5;
    /** 0.3 s of voice, as a piece of an utterance needs to be given a voice by its own frames. */
    static final int MIN_FRAMES = 30;
    private static final long JOIN_SAMPLES = Math.round(JOIN_SECONDS * VoiceFeatures.SAMPLE_RATE);

    private final List<List<VoicePiece>> runs = new ArrayList<>();
    private UtteranceVoice run;
    private long lastVoicedEnd;
    private int voiced;

    /** A frame starting at sample {@code start}, outside every utterance; {@code isVoice}: loud and voiced. */
    void add(long start, VoiceFeatures frame, boolean isVoice) {
        if (run != null && start - lastVoicedEnd > JOIN_SAMPLES) {
            endRun();
        }
        if (run == null) {
            if (!isVoice) {
                return;
            }
            run = new UtteranceVoice(seconds(start), Double.MAX_VALUE);
            voiced = 0;
        }
        run.add(frame, isVoice);
        if (isVoice) {
            lastVoicedEnd = start + VoiceFeatures.FRAME;
            voiced++;
        }
    }

    /** An utterance begins: a run cannot go on across it. */
    void endRun() {
        if (run != null) {
            List<VoicePiece> pieces = run.finishAt(seconds(lastVoicedEnd));
            if (voiced >= MIN_FRAMES) {
                runs.add(pieces.stream().filter(p -> p.seconds() > 0).toList());
            }
            run = null;
        }
    }

    /** Each run's pieces, in time order; call once the audio has ended. */
    List<List<VoicePiece>> runs() {
        endRun();
        return runs;
    }

    private static double seconds(long sample) {
        return (double) sample / VoiceFeatures.SAMPLE_RATE;
    }
}

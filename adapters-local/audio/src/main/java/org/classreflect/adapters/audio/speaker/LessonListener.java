package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.Utterance;

/**
 * Streams a lesson's audio once, frame by frame through a ring buffer of one frame, and adds every frame that lies
 * inside an utterance to that utterance's {@link UtteranceVoice}, which is finished into pieces as soon as the audio
 * has passed it; loud voiced frames outside every utterance go to {@link GapSpeech}. Memory: one frame of samples,
 * the blocks of the utterances being heard (at most 60 s each), and fixed-size summaries per piece, per 2 s window
 * and per run of speech outside the utterances, whatever the length of the lesson or of its utterances.
 */
final class LessonListener {

    /** Frames this far below the loudest frame heard so far are silence or breath, not voice. */
    private static final double QUIET_DB = 40;

    private final UtteranceVoice[] voices;
    private final long[] firstSample;
    private final long[] endSample;
    private final VoiceFeatures features = new VoiceFeatures();
    private final float[] ring = new float[VoiceFeatures.FRAME];
    private long position;
    private int done;
    private double loudestDb = Double.NEGATIVE_INFINITY;
    private final GapSpeech outside = new GapSpeech();
    private double loudestAnywhereDb = Double.NEGATIVE_INFINITY;
    private int next;
    private long coveredUntil = -1;

    /** What was heard: the pieces of each utterance, in the order given, and the speech outside every utterance. */
    record Heard(List<List<VoicePiece>> pieces, List<List<VoicePiece>> outside) {
    }

    LessonListener(List<Utterance> utterances) {
        voices = new UtteranceVoice[utterances.size()];
        firstSample = new long[utterances.size()];
        endSample = new long[utterances.size()];
        for (int i = 0; i < voices.length; i++) {
            voices[i] = new UtteranceVoice(utterances.get(i).start(), utterances.get(i).end());
            firstSample[i] = Math.round(utterances.get(i).start() * SampleSource.SAMPLE_RATE);
            endSample[i] = Math.round(utterances.get(i).end() * SampleSource.SAMPLE_RATE);
        }
    }

    Heard listen(SampleSource audio) throws IOException {
        audio.stream(this::accept);
        return new Heard(Arrays.stream(voices).map(UtteranceVoice::finish).toList(), outside.runs());
    }

    private void accept(float[] chunk) {
        for (float sample : chunk) {
            ring[(int) (position % VoiceFeatures.FRAME)] = sample;
            position++;
            long frameStart = position - VoiceFeatures.FRAME;
            if (frameStart >= 0 && frameStart % VoiceFeatures.HOP == 0) {
                frame(frameStart);
            }
        }
    }

    private void frame(long start) {
        while (done < voices.length && endSample[done] < start + VoiceFeatures.FRAME) {
            voices[done].finish();
            done++;
        }
        while (next < firstSample.length && firstSample[next] < start + VoiceFeatures.FRAME) {
            coveredUntil = Math.max(coveredUntil, endSample[next]);
            next++;
        }
        if (coveredUntil <= start) {
            hearOutside(start);
            return;
        }
        outside.endRun();
        boolean analysed = false;
        for (int i = done; i < voices.length && firstSample[i] <= start; i++) {
            if (start + VoiceFeatures.FRAME > endSample[i]) {
                continue; // an earlier, overlapping utterance that ends inside this frame
            }
            if (!analysed) {
                features.analyse(ring, (int) (position % VoiceFeatures.FRAME));
                loudestDb = Math.max(loudestDb, features.energyDb);
                loudestAnywhereDb = Math.max(loudestAnywhereDb, features.energyDb);
                analysed = true;
            }
            voices[i].add(features, features.energyDb >= loudestDb - QUIET_DB);
        }
    }

    /** A frame outside every utterance; its loudness is judged against the loudest frame heard anywhere. */
    private void hearOutside(long start) {
        features.analyse(ring, (int) (position % VoiceFeatures.FRAME));
        loudestAnywhereDb = Math.max(loudestAnywhereDb, features.energyDb);
        outside.add(start, features, !Double.isNaN(features.pitch)
                && features.energyDb >= loudestAnywhereDb - QUIET_DB);
    }
}

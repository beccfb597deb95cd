package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.metrics.Utterance;

/**
 * Tells the teacher from the students without a trained model. The audio is streamed once ({@link LessonListener});
 * each utterance's voiced frames (pitch and MFCCs) become a Gaussian summary ({@link VoiceStats}); the summaries are
 * grouped bottom-up, first by BIC, then by the distance between mean voices ({@link VoiceClusters}), so the number of
 * voices is found, not fixed; the voice holding the most speech time is the teacher, every other voice a student.
 * The confidence is the duration-weighted silhouette of that grouping. Method and measured accuracy: docs/analysis.md.
 */
public final class AcousticSpeakerEstimator implements SpeakerEstimator {

    public static final String METHOD = "Gaussian voice summaries (pitch + MFCC c1..c20) per utterance, "
            + "agglomerative clustering by BIC, then by mean-voice distance";

    /** Shorter utterances give unstable summaries: they are not clustered, only given the nearest voice. */
    static final double MIN_CLUSTERED_SECONDS = 1.0;
    /** Voiced frames (10 ms each) an utterance needs to be clustered, and to be given a voice at all. */
    private static final int MIN_CLUSTERED_FRAMES = 30;
    private static final int MIN_ASSIGNED_FRAMES = 5;
    /** At most this many utterances (the longest) are clustered, so time and memory stay bounded in long lessons. */
    static final int MAX_CLUSTERED = 400;

    @Override
    public SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) throws IOException {
        UtteranceVoice[] voices = new LessonListener(utterances).listen(audio);
        List<Double> endRises = Arrays.stream(voices).map(UtteranceVoice::endRise).toList();
        List<Integer> clustered = IntStream.range(0, voices.length)
                .filter(i -> utterances.get(i).seconds() >= MIN_CLUSTERED_SECONDS
                        && voices[i].stats().count() >= MIN_CLUSTERED_FRAMES)
                .boxed().sorted(Comparator.comparingLong((Integer i) -> voices[i].stats().count()).reversed())
                .limit(MAX_CLUSTERED).sorted().toList();
        Speaker[] speakers = new Speaker[voices.length];
        Arrays.fill(speakers, Speaker.TEACHER); // utterances too short to hear go with the majority voice
        if (clustered.size() < 2) {
            return new SpeakerEstimate(List.of(speakers), 0, METHOD, endRises, null);
        }
        VoiceClusters clusters = new VoiceClusters(clustered.stream().map(i -> voices[i].stats()).toList());
        int[] voiceOf = new int[voices.length];
        double[] seconds = new double[clusters.size()];
        for (int i = 0; i < voices.length; i++) {
            voiceOf[i] = voices[i].stats().count() < MIN_ASSIGNED_FRAMES ? -1
                    : clustered.contains(i) ? clusterOf(clusters, clustered.indexOf(i))
                    : clusters.nearest(voices[i].stats());
            if (voiceOf[i] >= 0) {
                seconds[voiceOf[i]] += utterances.get(i).seconds();
            }
        }
        int teacher = IntStream.range(0, seconds.length).boxed()
                .max(Comparator.comparingDouble(c -> seconds[c])).orElseThrow();
        for (int i = 0; i < voices.length; i++) {
            speakers[i] = voiceOf[i] < 0 || voiceOf[i] == teacher ? Speaker.TEACHER : Speaker.STUDENT;
        }
        double confidence = silhouette(clusters, clustered, voices, utterances);
        return new SpeakerEstimate(List.of(speakers), Math.max(0, Math.min(1, confidence)), METHOD, endRises, null);
    }

    private static int clusterOf(VoiceClusters clusters, int member) {
        for (int c = 0; c < clusters.size(); c++) {
            if (clusters.members(c).contains(member)) {
                return c;
            }
        }
        throw new IllegalStateException("member " + member + " is in no cluster");
    }

    /**
     * The duration-weighted mean silhouette (Rousseeuw 1987) of the grouping, with the mean-voice distance between an
     * utterance and the rest of its own voice against the nearest other voice; an utterance alone in its voice
     * scores 0, and a single voice scores 0, so one voice is never confidently split.
     */
    private static double silhouette(VoiceClusters clusters, List<Integer> clustered, UtteranceVoice[] voices,
                                     List<Utterance> utterances) {
        if (clusters.size() < 2) {
            return 0;
        }
        double weighted = 0;
        double total = 0;
        for (int c = 0; c < clusters.size(); c++) {
            for (int member : clusters.members(c)) {
                int u = clustered.get(member);
                double s = 0;
                if (clusters.members(c).size() > 1) {
                    VoiceStats own = voices[u].stats();
                    double a = VoiceStats.meanDistance(clusters.stats(c).minus(own), own);
                    double b = Double.POSITIVE_INFINITY;
                    for (int other = 0; other < clusters.size(); other++) {
                        if (other != c) {
                            b = Math.min(b, VoiceStats.meanDistance(clusters.stats(other), own));
                        }
                    }
                    s = (b - a) / Math.max(Math.abs(a), b);
                }
                weighted += s * utterances.get(u).seconds();
                total += utterances.get(u).seconds();
            }
        }
        return total == 0 ? 0 : weighted / total;
    }
}

package org.classreflect.adapters.audio.speaker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.classreflect.core.metrics.SampleSource;
import org.classreflect.core.metrics.Speaker;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.metrics.Utterance;

/**
 * Tells the teacher from the students without a model: each utterance becomes a voice vector ({@link VoiceFeatures}),
 * the vectors are standardised and grouped by k-means++ into 2 to {@link #MAX_VOICES} voices (seeded, so the same
 * audio always gives the same answer; the number with the best silhouette wins), and the group holding the most speech
 * time is the teacher, every other group students. The confidence is that silhouette: near 1 when the groups are
 * tight and far apart, near 0 when one voice was cut in pieces. Method and measured accuracy: docs/analysis.md.
 */
public final class AcousticSpeakerEstimator implements SpeakerEstimator {

    public static final String METHOD =
            "voice vectors (median pitch + mean MFCC c1..c12) per utterance, k-means++ for 2-4 voices";

    /** At most this much of an utterance is listened to: enough for its voice, and memory stays bounded. */
    static final double MAX_SECONDS = 30;

    /** Shorter utterances give noisy voice vectors: they are not clustered, only given the nearer group. */
    static final double MIN_CLUSTERED_SECONDS = 1.0;

    /** The split tried: 2 to this many voices; the teacher is the one voice holding the most speech time. */
    static final int MAX_VOICES = 4;

    private static final int SEED = 20_261_123;
    private static final int TRIALS = 10;
    private static final int MAX_ITERATIONS = 100;

    @Override
    public SpeakerEstimate estimate(List<Utterance> utterances, SampleSource audio) throws IOException {
        double[][] vectors = listen(utterances, audio);
        List<Point> heard = new ArrayList<>();
        for (int i = 0; i < utterances.size(); i++) {
            if (vectors[i] != null) {
                heard.add(new Point(i, vectors[i], utterances.get(i).seconds()));
            }
        }
        standardise(heard);
        List<Point> clustered = heard.stream().filter(p -> p.seconds >= MIN_CLUSTERED_SECONDS).toList();
        if (clustered.size() < 2) {
            clustered = heard;
        }
        if (clustered.size() < 2) {
            return SpeakerEstimate.unknown(utterances.size());
        }
        List<CentroidCluster<Point>> clusters = null;
        double confidence = 0;
        int mostVoices = Math.max(2, Math.min(MAX_VOICES, clustered.size() - 1));
        for (int k = 2; k <= mostVoices; k++) {
            List<CentroidCluster<Point>> candidate = new MultiKMeansPlusPlusClusterer<>(
                    new KMeansPlusPlusClusterer<Point>(k, MAX_ITERATIONS, new EuclideanDistance(),
                            new JDKRandomGenerator(SEED)), TRIALS).cluster(clustered);
            double score = silhouette(candidate);
            if (clusters == null || score > confidence) {
                clusters = candidate;
                confidence = score;
            }
        }
        CentroidCluster<Point> teacher = clusters.stream()
                .max(Comparator.comparingDouble(AcousticSpeakerEstimator::seconds)).orElseThrow();
        Speaker[] speakers = new Speaker[utterances.size()];
        Arrays.fill(speakers, Speaker.TEACHER); // utterances too short to hear go with the majority voice
        for (Point p : heard) {
            speakers[p.index] = nearest(clusters, p) == teacher ? Speaker.TEACHER : Speaker.STUDENT;
        }
        return new SpeakerEstimate(List.of(speakers), Math.max(0, Math.min(1, confidence)), METHOD);
    }

    private static CentroidCluster<Point> nearest(List<CentroidCluster<Point>> clusters, Point p) {
        EuclideanDistance distance = new EuclideanDistance();
        return clusters.stream().min(Comparator.comparingDouble(
                c -> distance.compute(p.vector, c.getCenter().getPoint()))).orElseThrow();
    }

    /** Streams the audio once, keeping only the samples inside utterances (at most {@link #MAX_SECONDS} each). */
    private static double[][] listen(List<Utterance> utterances, SampleSource audio) throws IOException {
        float[][] buffers = new float[utterances.size()][];
        int[] filled = new int[utterances.size()];
        long[] first = new long[utterances.size()];
        for (int i = 0; i < utterances.size(); i++) {
            Utterance u = utterances.get(i);
            first[i] = Math.round(u.start() * SampleSource.SAMPLE_RATE);
            long last = Math.round(u.end() * SampleSource.SAMPLE_RATE);
            buffers[i] = new float[(int) Math.min(last - first[i], (long) (MAX_SECONDS * SampleSource.SAMPLE_RATE))];
        }
        double[][] vectors = new double[utterances.size()][];
        VoiceFeatures features = new VoiceFeatures();
        long[] position = {0};
        int[] done = {0};
        audio.stream(chunk -> {
            long chunkStart = position[0];
            long chunkEnd = chunkStart + chunk.length;
            for (int i = done[0]; i < utterances.size() && first[i] < chunkEnd; i++) {
                if (buffers[i] == null) {
                    continue;
                }
                long from = Math.max(chunkStart, first[i] + filled[i]);
                int count = (int) Math.min(chunkEnd - from, buffers[i].length - filled[i]);
                if (count > 0) {
                    System.arraycopy(chunk, (int) (from - chunkStart), buffers[i], filled[i], count);
                    filled[i] += count;
                }
                if (filled[i] == buffers[i].length) {
                    vectors[i] = features.of(buffers[i]);
                    buffers[i] = null;
                }
            }
            while (done[0] < utterances.size() && buffers[done[0]] == null) {
                done[0]++;
            }
            position[0] = chunkEnd;
        });
        for (int i = 0; i < utterances.size(); i++) {
            if (buffers[i] != null) { // the audio ended early: use what arrived
                vectors[i] = features.of(Arrays.copyOf(buffers[i], filled[i]));
            }
        }
        return vectors;
    }

    /** Z-scores every dimension across utterances; a missing pitch (nothing voiced) takes the mean, i.e. 0. */
    private static void standardise(List<Point> points) {
        for (int d = 0; d < VoiceFeatures.SIZE; d++) {
            final int dim = d;
            double[] values = points.stream().mapToDouble(p -> p.vector[dim]).filter(v -> !Double.isNaN(v))
                    .toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
            for (Point p : points) {
                double v = p.vector[dim];
                p.vector[dim] = Double.isNaN(v) || sd == 0 ? 0 : (v - mean) / sd;
            }
        }
    }

    private static double seconds(CentroidCluster<Point> cluster) {
        return cluster.getPoints().stream().mapToDouble(p -> p.seconds).sum();
    }

    /**
     * The mean silhouette (Rousseeuw 1987) of a partition, weighted by duration: for each utterance, how much closer
     * it is to its own group than to the nearest other group, from -1 to 1. A group of one scores 0, so splitting an
     * odd utterance off a single voice does not look like a second voice.
     */
    private static double silhouette(List<CentroidCluster<Point>> clusters) {
        if (clusters.size() < 2) {
            return 0;
        }
        EuclideanDistance distance = new EuclideanDistance();
        double weighted = 0;
        double total = 0;
        for (CentroidCluster<Point> cluster : clusters) {
            List<Point> own = cluster.getPoints();
            for (Point p : own) {
                double s = 0;
                if (own.size() > 1) {
                    double a = own.stream().filter(q -> q != p)
                            .mapToDouble(q -> distance.compute(p.vector, q.vector)).average().orElse(0);
                    double b = clusters.stream().filter(c -> c != cluster)
                            .mapToDouble(c -> c.getPoints().stream()
                                    .mapToDouble(q -> distance.compute(p.vector, q.vector)).average().orElse(0))
                            .min().orElse(0);
                    s = Math.max(a, b) == 0 ? 0 : (b - a) / Math.max(a, b);
                }
                weighted += s * p.seconds;
                total += p.seconds;
            }
        }
        return total == 0 ? 0 : weighted / total;
    }

    private static final class Point implements Clusterable {
        private final int index;
        private final double[] vector;
        private final double seconds;

        Point(int index, double[] vector, double seconds) {
            this.index = index;
            this.vector = vector;
            this.seconds = seconds;
        }

        @Override
        public double[] getPoint() {
            return vector;
        }
    }
}

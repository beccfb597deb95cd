package org.classreflect.adapters.audio.speaker;

/**
 * The frames of one voice summarised as a Gaussian: count, sum and sum of outer products of the frame vectors
 * (pitch and cepstra c1..c12). Fixed size, so any amount of speech costs the same memory, and two summaries add up
 * to the summary of both, which is what merging two clusters needs.
 */
final class VoiceStats {

    static final int DIM = 1 + VoiceFeatures.CEPSTRA;
    /** Added to the covariance's diagonal so that a short or constant stretch still has a finite log-determinant. */
    private static final double RIDGE = 1e-6;

    /** Half the parameters of a Gaussian of dimension DIM (mean and full covariance), as in the BIC penalty. */
    private static final double PARAMETERS = 0.5 * (DIM + 0.5 * DIM * (DIM + 1));

    private long count;
    private final double[] sum = new double[DIM];
    private final double[] outer = new double[DIM * DIM];

    /** Adds one voiced frame: its pitch and cepstra. */
    void add(double pitch, double[] cepstra) {
        count++;
        for (int i = 0; i < DIM; i++) {
            double xi = i == 0 ? pitch : cepstra[i - 1];
            sum[i] += xi;
            for (int j = i; j < DIM; j++) {
                outer[i * DIM + j] += xi * (j == 0 ? pitch : cepstra[j - 1]);
            }
        }
    }

    long count() {
        return count;
    }

    VoiceStats plus(VoiceStats other) {
        return combined(other, 1);
    }

    /** This summary without the frames of {@code part}, which must be among them. */
    VoiceStats minus(VoiceStats part) {
        return combined(part, -1);
    }

    private VoiceStats combined(VoiceStats other, int sign) {
        VoiceStats result = new VoiceStats();
        result.count = count + sign * other.count;
        for (int i = 0; i < DIM; i++) {
            result.sum[i] = sum[i] + sign * other.sum[i];
        }
        for (int i = 0; i < outer.length; i++) {
            result.outer[i] = outer[i] + sign * other.outer[i];
        }
        return result;
    }

    /**
     * How unlikely it is that two summaries are one voice: the generalised likelihood ratio of one Gaussian against
     * two, divided by the BIC penalty for the second Gaussian's parameters (Chen and Gopalakrishnan 1998). Below 1,
     * BIC prefers one voice; the estimator merges below a tuned threshold.
     */
    static double distance(VoiceStats a, VoiceStats b) {
        VoiceStats both = a.plus(b);
        double ratio = 0.5 * (both.count * both.logDetCovariance() - a.count * a.logDetCovariance()
                - b.count * b.logDetCovariance());
        return ratio / (PARAMETERS * Math.log(both.count));
    }

    /** log det of the maximum-likelihood covariance, by Cholesky decomposition. */
    double logDetCovariance() {
        double[] c = new double[DIM * DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = i; j < DIM; j++) {
                double v = outer[i * DIM + j] / count - (sum[i] / count) * (sum[j] / count);
                c[i * DIM + j] = v;
                c[j * DIM + i] = v;
            }
            c[i * DIM + i] += RIDGE;
        }
        double logDet = 0;
        for (int j = 0; j < DIM; j++) {
            double d = c[j * DIM + j];
            for (int k = 0; k < j; k++) {
                d -= c[j * DIM + k] * c[j * DIM + k];
            }
            d = Math.max(d, RIDGE);
            double root = Math.sqrt(d);
            c[j * DIM + j] = root;
            logDet += 2 * Math.log(root);
            for (int i = j + 1; i < DIM; i++) {
                double v = c[i * DIM + j];
                for (int k = 0; k < j; k++) {
                    v -= c[i * DIM + k] * c[j * DIM + k];
                }
                c[i * DIM + j] = v / root;
            }
        }
        return logDet;
    }
}

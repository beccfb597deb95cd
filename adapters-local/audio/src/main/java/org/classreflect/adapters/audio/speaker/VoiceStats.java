package org.classreflect.adapters.audio.speaker;

/**
 * The frames of one voice summarised as a Gaussian: count, sum and sum of outer products of the frame vectors
 * (pitch and cepstra c1..c20). Fixed size, so any amount of speech costs the same memory, and two summaries add up
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

    /** The mean frame: pitch, then cepstra (NaN for a summary of no frames). */
    double[] mean() {
        double[] mean = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            mean[i] = sum[i] / count;
        }
        return mean;
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

    /**
     * The mean log-likelihood per frame of the frames summarised in {@code frames} under this summary's Gaussian,
     * without the constant term: -(log det C + tr(C^-1 S) / n) / 2, with S the frames' scatter about this mean.
     */
    double meanLogLikelihood(VoiceStats frames) {
        double[] l = cholesky(covariance());
        double logDet = 0;
        for (int j = 0; j < DIM; j++) {
            logDet += 2 * Math.log(l[j * DIM + j]);
        }
        double n = frames.count;
        double[] mean = mean();
        double trace = 0;
        double[] column = new double[DIM];
        for (int j = 0; j < DIM; j++) { // column j of C^-1, by solving L L' x = e_j
            for (int i = 0; i < DIM; i++) {
                double v = i == j ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    v -= l[i * DIM + k] * column[k];
                }
                column[i] = v / l[i * DIM + i];
            }
            for (int i = DIM - 1; i >= 0; i--) {
                double v = column[i];
                for (int k = i + 1; k < DIM; k++) {
                    v -= l[k * DIM + i] * column[k];
                }
                column[i] = v / l[i * DIM + i];
            }
            for (int i = 0; i < DIM; i++) {
                int a = Math.min(i, j);
                int b = Math.max(i, j);
                double scatter = frames.outer[a * DIM + b] - frames.sum[i] * mean[j] - mean[i] * frames.sum[j]
                        + n * mean[i] * mean[j];
                trace += column[i] * scatter;
            }
        }
        return -0.5 * (logDet + trace / n);
    }

    /** log det of the maximum-likelihood covariance. */
    double logDetCovariance() {
        double[] l = cholesky(covariance());
        double logDet = 0;
        for (int j = 0; j < DIM; j++) {
            logDet += 2 * Math.log(l[j * DIM + j]);
        }
        return logDet;
    }

    /**
     * How far apart the mean voices of two summaries are, measured in their pooled spread (squared Mahalanobis
     * distance between the means). Unlike {@link #distance} it does not grow with the amount of speech, so it
     * compares large groups fairly: two groups of one voice that BIC kept apart (different sentences, a read poem)
     * stay close, two voices stay far apart.
     */
    static double meanDistance(VoiceStats a, VoiceStats b) {
        double[] ca = a.covariance();
        double[] cb = b.covariance();
        double[] pooled = new double[DIM * DIM];
        for (int i = 0; i < pooled.length; i++) {
            pooled[i] = (a.count * ca[i] + b.count * cb[i]) / (a.count + b.count);
        }
        double[] meanA = a.mean();
        double[] meanB = b.mean();
        double[] diff = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            diff[i] = meanA[i] - meanB[i];
        }
        return squaredLength(diff, pooled);
    }

    /** The squared Mahalanobis length v' c^-1 v of {@code v} under the covariance {@code c} (row-major, unchanged). */
    static double squaredLength(double[] v, double[] c) {
        double[] l = cholesky(c.clone());
        double[] y = new double[DIM]; // solves L y = v; then |y|^2 = v' c^-1 v
        double squared = 0;
        for (int i = 0; i < DIM; i++) {
            double x = v[i];
            for (int k = 0; k < i; k++) {
                x -= l[i * DIM + k] * y[k];
            }
            y[i] = x / l[i * DIM + i];
            squared += y[i] * y[i];
        }
        return squared;
    }

    private double[] covariance() {
        double[] c = new double[DIM * DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = i; j < DIM; j++) {
                double v = outer[i * DIM + j] / count - (sum[i] / count) * (sum[j] / count);
                c[i * DIM + j] = v;
                c[j * DIM + i] = v;
            }
            c[i * DIM + i] += RIDGE;
        }
        return c;
    }

    /** The lower-triangular L with L L' = c (c symmetric positive definite, row-major), in place of c. */
    private static double[] cholesky(double[] c) {
        for (int j = 0; j < DIM; j++) {
            double d = c[j * DIM + j];
            for (int k = 0; k < j; k++) {
                d -= c[j * DIM + k] * c[j * DIM + k];
            }
            double root = Math.sqrt(Math.max(d, RIDGE));
            c[j * DIM + j] = root;
            for (int i = j + 1; i < DIM; i++) {
                double v = c[i * DIM + j];
                for (int k = 0; k < j; k++) {
                    v -= c[i * DIM + k] * c[j * DIM + k];
                }
                c[i * DIM + j] = v / root;
            }
        }
        return c;
    }
}

package org.classreflect.worker.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * What one simulated day came to.
 *
 * @param secondsToTranscript for each recording, from upload to transcript
 * @param workerSeconds       billed worker time, each launch at least the minimum bill
 * @param launches            workers launched
 * @param peakWorkers         most workers billed at once
 * @param samples             the time series, one sample per tick
 */
public record SimulationResult(String policy, double[] secondsToTranscript, double workerSeconds, double cost,
                               int launches, int peakWorkers, List<Sample> samples) {

    public SimulationResult {
        secondsToTranscript = secondsToTranscript.clone();
        Arrays.sort(secondsToTranscript);
        samples = List.copyOf(samples);
    }

    /** Nearest-rank percentile of the time to transcript, in seconds; 0 with no recordings. */
    public double percentile(double p) {
        if (secondsToTranscript.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * secondsToTranscript.length);
        return secondsToTranscript[Math.max(rank, 1) - 1];
    }

    public double max() {
        return percentile(100);
    }

    public double workerHours() {
        return workerSeconds / 3600;
    }
}

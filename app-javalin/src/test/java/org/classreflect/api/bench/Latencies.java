package org.classreflect.api.bench;

import java.util.ArrayList;
import java.util.List;

/** Response times of one kind of request, and its errors; thread-safe. */
final class Latencies {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();
    private int errors;

    Latencies(String name) {
        this.name = name;
    }

    synchronized void record(long elapsedNanos, boolean ok) {
        nanos.add(elapsedNanos);
        if (!ok) {
            errors++;
        }
    }

    static String header() {
        return String.format("%-34s %8s %8s %8s %8s %8s %8s %7s", "request", "count", "per s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors");
    }

    synchronized String line(double seconds) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return String.format("%-34s %8d %8.1f %8.1f %8.1f %8.1f %8.1f %7d", name, sorted.size(),
                sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), ms(sorted, 1.0), errors);
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}

package org.classreflect.core.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A teacher's lessons over time: one series per criterion and per metric, each with its least-squares trend (change
 * per 30 days, each lesson placed on its UTC calendar day, so two lessons of one day never make a trend of their own;
 * null with fewer than two lessons on different days) and a monthly roll-up (UTC months).
 * {@code criteria} is empty when the school hides scores from teachers and a teacher is asking, and {@code goal},
 * the score from which a criterion meets the goal (the goal line of each criterion's chart), is null.
 */
public record Progress(String teacherId, int lessons, List<Series> criteria, List<Series> metrics, Double goal) {

    public record Point(Instant at, double value, String analysisId) {
    }

    public record Month(String month, double mean, int count) {
    }

    public record Series(String name, List<Point> points, Double trendPer30Days, List<Month> monthly) {

        public static Series of(String name, List<Point> points) {
            return new Series(name, List.copyOf(points), slopePer30Days(points), Progress.byMonth(points));
        }
    }

    static Double slopePer30Days(List<Point> points) {
        int n = points.size();
        if (n < 2) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (Point p : points) {
            meanX += days(p) / n;
            meanY += p.value() / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (Point p : points) {
            sxy += (days(p) - meanX) * (p.value() - meanY);
            sxx += (days(p) - meanX) * (days(p) - meanX);
        }
        return sxx == 0 ? null : sxy / sxx * 30;
    }

    private static double days(Point p) {
        return p.at().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    static List<Month> byMonth(List<Point> points) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Point p : points) {
            String month = p.at().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
            double[] s = sums.computeIfAbsent(month, m -> new double[2]);
            s[0] += p.value();
            s[1]++;
        }
        List<Month> months = new ArrayList<>();
        sums.forEach((m, s) -> months.add(new Month(m, s[0] / s[1], (int) s[1])));
        return months;
    }
}

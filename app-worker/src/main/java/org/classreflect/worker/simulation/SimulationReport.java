package org.classreflect.worker.simulation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The simulation's results side by side: a table, a CSV of the time series, and a chart. */
public final class SimulationReport {

    private SimulationReport() {
    }

    public static String table(List<SimulationResult> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %8s %8s %8s %13s %9s %5s %9s %14s%n",
                "policy", "p50", "p95", "max", "worker-hours", "launches", "peak", "cost", "per recording"));
        for (SimulationResult r : results) {
            int recordings = r.secondsToTranscript().length;
            out.append(String.format(Locale.ROOT, "%-16s %8s %8s %8s %13.2f %9d %5d %9s %14s%n", r.policy(),
                    hoursMinutes(r.percentile(50)), hoursMinutes(r.percentile(95)), hoursMinutes(r.max()),
                    r.workerHours(), r.launches(), r.peakWorkers(), String.format(Locale.ROOT, "$%.2f", r.cost()),
                    recordings == 0 ? "-" : String.format(Locale.ROOT, "$%.4f", r.cost() / recordings)));
        }
        return out.toString();
    }

    /** Time to transcript as h:mm. */
    static String hoursMinutes(double seconds) {
        long minutes = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }

    /** One row per policy and tick: seconds since the start, recordings waiting and in progress, workers. */
    public static void writeCsv(List<SimulationResult> results, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("policy,seconds,waiting,in_progress,workers\n");
            for (SimulationResult r : results) {
                for (Sample s : r.samples()) {
                    out.write(String.format(Locale.ROOT, "%s,%.0f,%d,%d,%d%n", r.policy(), s.atSeconds(),
                            s.waiting(), s.inProgress(), s.workers()));
                }
            }
        }
    }

    /**
     * Four charts: recordings waiting (top) and workers (bottom), over the whole run (left) and over the hours the
     * fastest policy needed (right), so the quick one is not squeezed into the corner of the slow one.
     */
    public static void writeChart(List<SimulationResult> results, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double all = results.stream().mapToDouble(SimulationReport::lastHour).max().orElse(1);
        double zoom = Math.ceil(results.stream().mapToDouble(SimulationReport::lastHour).min().orElse(1));
        List<XYChart> charts = List.of(
                chart(title + ": recordings waiting", "waiting", all, results, Sample::waiting),
                chart("the first " + (int) zoom + " hours", "waiting", zoom, results, Sample::waiting),
                chart("workers running or starting", "workers", all, results, Sample::workers),
                chart("the first " + (int) zoom + " hours", "workers", zoom, results, Sample::workers));
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, 2, 2, out, BitmapFormat.PNG);
        }
    }

    private static double lastHour(SimulationResult r) {
        return r.samples().isEmpty() ? 0 : r.samples().get(r.samples().size() - 1).atSeconds() / 3600;
    }

    private static XYChart chart(String title, String yAxis, double hours, List<SimulationResult> results,
                                 ToIntFunction<Sample> value) {
        XYChart chart = new XYChartBuilder().width(700).height(380).title(title)
                .xAxisTitle("hours since the upload window opened").yAxisTitle(yAxis).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Step);
        chart.getStyler().setSeriesMarkers(new Marker[] {SeriesMarkers.NONE});
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.max(hours, 0.1));
        chart.getStyler().setXAxisTickMarkSpacingHint(70);
        for (SimulationResult r : results) {
            addSeries(chart, r, hours, value);
        }
        return chart;
    }

    private static void addSeries(XYChart chart, SimulationResult r, double untilHour, ToIntFunction<Sample> value) {
        List<Double> hours = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (Sample s : r.samples()) {
            if (s.atSeconds() / 3600 > untilHour) {
                break;
            }
            hours.add(s.atSeconds() / 3600);
            values.add(value.applyAsInt(s));
        }
        chart.addSeries(r.policy(), hours, values);
    }
}

package org.classreflect.api.views;

import java.util.Arrays;
import java.util.List;
import org.classreflect.core.metrics.Metric;

/** A metric a template can target: its name, unit, and the lowest and highest values it can take (null: open). */
public record MetricView(String name, String unit, double lowest, Double highest) {

    public static List<MetricView> all() {
        return Arrays.stream(Metric.values()).map(m -> new MetricView(m.name(), m.unit(), 0,
                "ratio".equals(m.unit()) ? 1.0 : null)).toList();
    }
}

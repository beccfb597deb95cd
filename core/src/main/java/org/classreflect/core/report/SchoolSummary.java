package org.classreflect.core.report;

import java.util.Map;
import org.classreflect.core.metrics.Metric;

/**
 * A school's completed analyses at a glance: how many, the mean overall score, how overall scores spread over
 * 20-point bands ("0-20" ... "80-100"), each metric's mean, and how often each template was used.
 */
public record SchoolSummary(String schoolId, int analyses, Double averageOverall, Map<String, Integer> distribution,
                            Map<Metric, Double> metricAverages, Map<String, Integer> templateUse) {
}

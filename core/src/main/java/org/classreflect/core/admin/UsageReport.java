package org.classreflect.core.admin;

import java.util.List;

/** Usage per school per month, newest month first, and what the cost figures assume. */
public record UsageReport(List<MonthlyUsage> months, CostAssumptions assumptions) {

    public UsageReport {
        months = List.copyOf(months);
    }
}

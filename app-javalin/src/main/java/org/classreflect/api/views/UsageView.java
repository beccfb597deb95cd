package org.classreflect.api.views;

import java.util.List;
import java.util.Locale;
import org.classreflect.core.admin.CostAssumptions;
import org.classreflect.core.admin.MonthlyUsage;
import org.classreflect.core.admin.UsageReport;

/** Usage per school per month (months as {@code 2026-03}, UTC), with what the cost estimate assumes. */
public record UsageView(List<Month> months, Assumptions assumptions) {

    public record Month(String month, String schoolId, String schoolName, long recordings, double audioHours,
                        double estimatedCost) {
    }

    /** Prices in US dollars per hour; durations in seconds. */
    public record Assumptions(String instance, double pricePerHour, String purchase, double realTimeFactor,
                              long bootOverheadSeconds, long minimumBilledSeconds, int recordingsPerLaunch,
                              double fixedMonthlyBase, String currency) {
    }

    public static UsageView of(UsageReport report) {
        CostAssumptions a = report.assumptions();
        return new UsageView(report.months().stream().map(UsageView::month).toList(),
                new Assumptions(a.instance(), a.pricePerHour(), a.purchase().name().toLowerCase(Locale.ROOT),
                        a.realTimeFactor(), a.bootOverhead().toSeconds(), a.minimumBilled().toSeconds(),
                        a.recordingsPerLaunch(), a.fixedMonthlyBase(), "USD"));
    }

    private static Month month(MonthlyUsage m) {
        return new Month(m.month().toString(), m.schoolId(), m.schoolName(), m.recordings(), m.audioHours(),
                m.estimatedCost());
    }
}

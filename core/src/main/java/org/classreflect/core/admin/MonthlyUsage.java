package org.classreflect.core.admin;

import java.time.YearMonth;

/**
 * One school's month: recordings uploaded, their audio (those whose length is known), and what processing them is
 * estimated to cost under the report's {@link CostAssumptions}.
 */
public record MonthlyUsage(String schoolId, String schoolName, YearMonth month, long recordings,
                           double audioHours, double estimatedCost) {
}

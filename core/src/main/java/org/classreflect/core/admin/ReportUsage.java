package org.classreflect.core.admin;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.InstancePrice.Purchase;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.School;
import org.classreflect.core.school.Schools;

/**
 * Recordings, audio hours and estimated processing cost per school per calendar month (UTC). Each recording is
 * priced by the {@link CostModel} on its own, on demand, as if its worker launched for it alone: the upper end of
 * the model's range, since workers that take several recordings per launch share the overhead.
 */
public final class ReportUsage {

    public static final Purchase PURCHASE = Purchase.ON_DEMAND;
    public static final int RECORDINGS_PER_LAUNCH = 1;
    public static final int MAX_MONTHS = 36;

    private final UsageStatistics statistics;
    private final Schools schools;
    private final CostModel costModel;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public ReportUsage(UsageStatistics statistics, Schools schools, CostModel costModel, AccessPolicy policy,
                       Clock clock) {
        this.statistics = statistics;
        this.schools = schools;
        this.costModel = costModel;
        this.policy = policy;
        this.clock = clock;
    }

    /** The current month and the {@code months - 1} before it. */
    public Result<UsageReport> execute(Actor actor, int months) {
        if (!policy.canAdministerSystem(actor)) {
            return Result.rejected(Rejection.forbidden("only a super admin can see usage and cost"));
        }
        if (months < 1 || months > MAX_MONTHS) {
            return Result.rejected(Rejection.invalid("months must be 1 to " + MAX_MONTHS));
        }
        YearMonth first = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months - 1L);
        Map<String, String> names = schools.list().stream().collect(Collectors.toMap(School::id, School::name));
        Map<Key, Tally> tallies = new HashMap<>();
        for (RecordedAudio r : statistics.recordedSince(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            Key key = new Key(YearMonth.from(r.createdAt().atOffset(ZoneOffset.UTC)), r.schoolId());
            tallies.computeIfAbsent(key, k -> new Tally()).add(r.durationSeconds(), this::costOf);
        }
        List<MonthlyUsage> rows = new ArrayList<>();
        tallies.forEach((key, t) -> rows.add(new MonthlyUsage(key.schoolId(),
                names.getOrDefault(key.schoolId(), key.schoolId()), key.month(), t.recordings,
                t.audioSeconds / 3600, t.cost)));
        rows.sort(Comparator.comparing(MonthlyUsage::month).reversed().thenComparing(MonthlyUsage::schoolName));
        return Result.ok(new UsageReport(rows, CostAssumptions.of(costModel, PURCHASE, RECORDINGS_PER_LAUNCH)));
    }

    /** The estimated processing cost of one recording of this length. */
    public double costOf(double audioSeconds) {
        return costModel.costPerRecording(Duration.ofMillis(Math.round(audioSeconds * 1000)), PURCHASE,
                RECORDINGS_PER_LAUNCH);
    }

    private record Key(YearMonth month, String schoolId) {
    }

    /** A recording whose length is not known yet (still queued, or undecodable) counts, but adds no audio or cost. */
    private static final class Tally {
        long recordings;
        double audioSeconds;
        double cost;

        void add(Double seconds, Function<Double, Double> price) {
            recordings++;
            if (seconds != null) {
                audioSeconds += seconds;
                cost += price.apply(seconds);
            }
        }
    }
}

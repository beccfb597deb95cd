package org.classreflect.core.report;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/**
 * A school manager's figures: recordings this month (UTC), recordings in processing, failed recordings, the mean score
 * of each criterion, and the teachers who may need support. The rule for the last: of a teacher's {@value #RECENT}
 * most recent analysed lessons (at least {@value #MIN_LESSONS}), the mean overall score is below
 * {@value #LOW_AVERAGE}, or the least-squares trend of those scores falls by {@value #FALLING} points or more per 30
 * days. The overall mean and score bands are in {@link SchoolSummary}, which the dashboard shows beside these.
 */
public final class SchoolDashboard {

    static final int RECENT = 5;
    static final int MIN_LESSONS = 3;
    static final double LOW_AVERAGE = 60;
    static final double FALLING = 10;

    public record Figures(String schoolId, String month, long recordingsThisMonth, long inProcessing, long failed,
                          List<CriterionAverage> criterionAverages, List<TeacherConcern> teachersNeedingSupport,
                          String supportRule) {
    }

    public record CriterionAverage(String criterion, double mean, int scores) {
    }

    /** {@code reasons}: "low_average" and/or "falling". */
    public record TeacherConcern(String teacherId, String displayName, int recentLessons, double recentAverage,
                                 Double trendPer30Days, List<String> reasons) {
    }

    public static final String SUPPORT_RULE = "Of a teacher's last " + RECENT + " analysed lessons (at least "
            + MIN_LESSONS + "): an average overall score below " + (int) LOW_AVERAGE + ", or a trend falling by "
            + (int) FALLING + " points or more per 30 days.";

    /** The recordings page lists the same set at {@code #/recordings?status=queued,processing,transcribed}. */
    private static final Set<RecordingStatus> IN_PROCESSING =
            Set.of(RecordingStatus.QUEUED, RecordingStatus.PROCESSING, RecordingStatus.TRANSCRIBED);

    private final Recordings recordings;
    private final Analyses analyses;
    private final Users users;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public SchoolDashboard(Recordings recordings, Analyses analyses, Users users, AccessPolicy policy, Clock clock) {
        this.recordings = recordings;
        this.analyses = analyses;
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<Figures> execute(Actor actor, String schoolId) {
        if (!policy.canManageSchool(actor, schoolId)) {
            return Result.rejected(policy.canSeeSchool(actor, schoolId)
                    ? Rejection.forbidden("only the school's managers see its dashboard")
                    : Rejection.notFound("school"));
        }
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long inProcessing = count(schoolId, IN_PROCESSING);
        List<Analysis> done = analyses.listCompletedForSchool(schoolId);
        return Result.ok(new Figures(schoolId, month.toString(), countSince(schoolId, monthStart), inProcessing,
                count(schoolId, Set.of(RecordingStatus.FAILED)), criterionAverages(done), concerns(schoolId, done),
                SUPPORT_RULE));
    }

    private long count(String schoolId, Set<RecordingStatus> statuses) {
        return count(schoolId, statuses, RecordingSearch.NONE);
    }

    private long countSince(String schoolId, Instant cutoff) {
        return count(schoolId, Set.of(), new RecordingSearch(null, null, cutoff, null));
    }

    private long count(String schoolId, Set<RecordingStatus> statuses, RecordingSearch search) {
        return recordings.list(new RecordingQuery(RecordingScope.school(schoolId), null, statuses,
                new PageRequest(0, 1), search)).total();
    }

    private static List<CriterionAverage> criterionAverages(List<Analysis> done) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Analysis a : done) {
            for (CriterionScore s : a.criterionScores()) {
                if (s.score() != null) {
                    double[] sum = sums.computeIfAbsent(s.criterion(), k -> new double[2]);
                    sum[0] += s.score();
                    sum[1]++;
                }
            }
        }
        List<CriterionAverage> averages = new ArrayList<>();
        sums.forEach((name, s) -> averages.add(new CriterionAverage(name, s[0] / s[1], (int) s[1])));
        return averages;
    }

    private List<TeacherConcern> concerns(String schoolId, List<Analysis> done) {
        Map<String, List<Progress.Point>> byTeacher = new HashMap<>();
        for (Analysis a : done) {
            if (a.overallScore() != null && a.teacherId() != null) {
                byTeacher.computeIfAbsent(a.teacherId(), k -> new ArrayList<>())
                        .add(new Progress.Point(a.lessonAt(), a.overallScore(), a.id()));
            }
        }
        List<TeacherConcern> concerns = new ArrayList<>();
        for (User teacher : users.list(schoolId)) {
            if (teacher.role() == Role.TEACHER && teacher.active()) {
                concernFor(teacher, byTeacher.getOrDefault(teacher.id(), List.of())).ifPresent(concerns::add);
            }
        }
        concerns.sort(Comparator.comparingDouble(TeacherConcern::recentAverage));
        return concerns;
    }

    /** The support rule for one teacher, given their analysed lessons oldest first. */
    static Optional<TeacherConcern> concernFor(User teacher, List<Progress.Point> lessons) {
        if (lessons.size() < MIN_LESSONS) {
            return Optional.empty();
        }
        List<Progress.Point> recent = lessons.subList(Math.max(0, lessons.size() - RECENT), lessons.size());
        double mean = recent.stream().mapToDouble(Progress.Point::value).average().orElseThrow();
        Double trend = Progress.slopePer30Days(recent);
        List<String> reasons = new ArrayList<>();
        if (mean < LOW_AVERAGE) {
            reasons.add("low_average");
        }
        if (trend != null && trend <= -FALLING) {
            reasons.add("falling");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(new TeacherConcern(teacher.id(),
                teacher.displayName(), recent.size(), mean, trend, reasons));
    }
}

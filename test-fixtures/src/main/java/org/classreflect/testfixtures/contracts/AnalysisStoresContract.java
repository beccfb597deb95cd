package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.metrics.Basis;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.analysis.Scorecard;
import org.classreflect.core.metrics.Excerpt;
import org.classreflect.core.metrics.LessonMeasurer;
import org.classreflect.core.metrics.LessonMetrics;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.SpeakerEstimate;
import org.classreflect.core.metrics.TranscriptQuality;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;
import org.classreflect.core.metrics.WindowRate;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.report.TeacherGoals;
import org.classreflect.core.rubric.CriterionFeedback;
import org.classreflect.core.rubric.Evidence;
import org.classreflect.core.rubric.RubricResult;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.builders.Times;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every adapter of {@link Templates}, {@link Analyses}, {@link SchoolSettings} and {@link TeacherGoals} must do. */
public abstract class AnalysisStoresContract {

    public record Stores(Schools schools, Users users, Recordings recordings, Templates templates,
                         Analyses analyses, SchoolSettings settings, TeacherGoals goals) {
    }

    private static final Duration LEASE = Duration.ofMinutes(10);

    private Stores stores;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Academy"));
        stores.users().insert(AUser.teacher("u-1", "s-1"));
        stores.recordings().insert(ARecording.queued("r-1", "s-1", "u-1"));
        stores.recordings().insert(ARecording.queued("r-2", "s-1", "u-1"));
    }

    private static Template schoolTemplate(String id, String schoolId, int version, String name) {
        Template starter = StarterTemplates.QUESTIONING_AND_WAIT_TIME;
        return new Template(id, schoolId, name, "ours", "questioning", Set.of("Science"), Set.of("7", "8"), version,
                starter.criteria());
    }

    @Test
    void aTeachersGoalsKeepTheirOrderAndASaveReplacesThem() {
        assertThat(stores.goals().find("u-1")).isEmpty();

        stores.goals().save("u-1", List.of("Wait time after questions", "Open questions"));
        assertThat(stores.goals().find("u-1")).containsExactly("Wait time after questions", "Open questions");

        stores.goals().save("u-1", List.of("Teacher talk share"));
        assertThat(stores.goals().find("u-1")).containsExactly("Teacher talk share");

        stores.goals().save("u-1", List.of());
        assertThat(stores.goals().find("u-1")).isEmpty();
    }

    @Test
    void onlyAUserThatExistsHasGoals() {
        assertThatThrownBy(() -> stores.goals().save("nobody", List.of("Open questions")))
                .isInstanceOf(RuntimeException.class);
        assertThat(stores.goals().find("nobody")).isEmpty();
    }

    @Test
    void templatesKeepEveryVersionAndServeTheNewest() {
        Template starter = StarterTemplates.STUDENT_VOICE_AND_ENGAGEMENT;
        stores.templates().insert(starter);
        stores.templates().insert(schoolTemplate("t-1", "s-1", 1, "Questions v1"));
        stores.templates().insert(schoolTemplate("t-1", "s-1", 2, "Questions v2"));

        assertThat(stores.templates().find("t-1", 1)).hasValue(schoolTemplate("t-1", "s-1", 1, "Questions v1"));
        assertThat(stores.templates().latest("t-1")).hasValue(schoolTemplate("t-1", "s-1", 2, "Questions v2"));
        assertThat(stores.templates().latest(starter.id())).hasValue(starter);
        assertThatThrownBy(() -> stores.templates().insert(schoolTemplate("t-1", "s-1", 2, "again")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void aSchoolSeesGlobalTemplatesAndItsOwnButNotOthers() {
        stores.templates().insert(StarterTemplates.QUESTIONING_AND_WAIT_TIME);
        stores.templates().insert(schoolTemplate("t-1", "s-1", 1, "Oak's"));
        stores.templates().insert(schoolTemplate("t-2", "s-2", 1, "Elm's"));

        assertThat(stores.templates().listUsableBy("s-1")).extracting(Template::id)
                .containsExactlyInAnyOrder(StarterTemplates.QUESTIONING_AND_WAIT_TIME.id(), "t-1");
    }

    @Test
    void everyTemplateIsListedAtItsNewestVersionByNameWithoutTheDeletedOnes() {
        stores.templates().insert(StarterTemplates.QUESTIONING_AND_WAIT_TIME);
        stores.templates().insert(schoolTemplate("t-1", "s-1", 1, "Oak's"));
        stores.templates().insert(schoolTemplate("t-2", "s-2", 1, "Elm's"));
        stores.templates().insert(schoolTemplate("t-2", "s-2", 2, "Elm's v2"));
        stores.templates().insert(schoolTemplate("t-3", "s-2", 1, "Elm's old one"));
        stores.templates().delete("t-3");

        assertThat(stores.templates().listAll()).containsExactly(schoolTemplate("t-2", "s-2", 2, "Elm's v2"),
                schoolTemplate("t-1", "s-1", 1, "Oak's"), StarterTemplates.QUESTIONING_AND_WAIT_TIME);
    }

    @Test
    void aDeletedTemplateIsGoneFromListsButItsVersionsStayForHistory() {
        stores.templates().insert(schoolTemplate("t-1", "s-1", 1, "Oak's"));

        assertThat(stores.templates().delete("t-1")).isTrue();
        assertThat(stores.templates().delete("t-1")).isFalse();
        assertThat(stores.templates().latest("t-1")).isEmpty();
        assertThat(stores.templates().listUsableBy("s-1")).isEmpty();
        assertThat(stores.templates().find("t-1", 1)).isPresent();
    }

    @Test
    void analysesRoundTripWithTheirResultsAndChangeStatusOnlyFromTheExpectedOne() {
        Template template = schoolTemplate("t-1", "s-1", 1, "Oak's");
        stores.templates().insert(template);
        Analysis queued = Analysis.queued("a-1", "r-1", "s-1", "u-1", template, Times.T0, Times.minutesAfterT0(1));
        stores.analyses().insert(queued);
        assertThat(stores.analyses().find("a-1")).hasValue(queued);

        Analysis running = queued.running("run-1", Times.minutesAfterT0(2), LEASE);
        assertThat(stores.analyses().update(running, AnalysisStatus.QUEUED)).isTrue();
        assertThat(stores.analyses().update(running, AnalysisStatus.QUEUED)).isFalse();
        assertThat(stores.analyses().find("a-1")).hasValue(running);

        Excerpt said = new Excerpt(1.5, 2.25, "Why does it rain? ✓");
        Map<Metric, Measurement> metrics = Map.of(
                Metric.QUESTION_COUNT, new Measurement(Metric.QUESTION_COUNT, 1.0, Basis.TRANSCRIPT, 1.0,
                        List.of(said), "all questions"),
                Metric.TEACHER_TALK_SHARE, new Measurement(Metric.TEACHER_TALK_SHARE, null,
                        Basis.SPEAKER_FREE_FALLBACK, 0.1, List.of(), "not measured"));
        List<CriterionScore> scores = List.of(
                new CriterionScore("Open questions", 60, 0.5, 100.0, null, 100.0, List.of(said)),
                new CriterionScore("Quality", 40, null, null, 70.0, 70.0, List.of()));
        RubricResult rubric = new RubricResult(List.of(new CriterionFeedback("Quality", 70, "Good probing.",
                List.of(new Evidence("Why does it rain", 1.5)), "Ask a follow-up.")), List.of("clear"),
                List.of("wait longer"), 70.0);
        List<WindowRate> windows = List.of(new WindowRate(0, 300, 410.5, 250.25, 98.4),
                new WindowRate(300, 420, 0, 0, null));
        TranscriptQuality quality = new TranscriptQuality("pocketsphinx", "en-us", 0.4212, 0.5625, 0.69,
                "mean word confidence 0.42 ✓");
        Analysis completed = new Analysis("a-1", "r-1", "s-1", "u-1", "t-1", 1, AnalysisStatus.COMPLETED, null,
                metrics, windows, scores, 88.0, rubric, quality, Times.T0, Times.minutesAfterT0(1),
                Times.minutesAfterT0(2), Times.minutesAfterT0(3), "run-1", null);
        assertThat(stores.analyses().update(completed, AnalysisStatus.RUNNING)).isTrue();

        assertThat(stores.analyses().find("a-1")).hasValue(completed);
        assertThat(stores.analyses().listCompletedForTeacher("u-1")).containsExactly(completed);
        assertThat(stores.analyses().listCompletedForSchool("s-1")).containsExactly(completed);
        assertThat(stores.analyses().listCompletedForSchool("s-2")).isEmpty();
    }

    @Test
    void aTranscriptQualityWithoutWordConfidencesRoundTripsWithItsNulls() {
        Template template = schoolTemplate("t-1", "s-1", 1, "Oak's");
        stores.templates().insert(template);
        Analysis running = Analysis.queued("a-1", "r-1", "s-1", "u-1", template, Times.T0, Times.T0)
                .running("run-1", Times.minutesAfterT0(1), LEASE);
        stores.analyses().insert(running);
        TranscriptQuality unknownWords = new TranscriptQuality("whisper.cpp", "ggml-base.en.bin", null, null, 0.0,
                null);
        LessonMetrics nothingSaid = new LessonMeasurer().measure(List.of(), SpeakerEstimate.unknown(0));
        Analysis completed = running.completed(nothingSaid, unknownWords, new Scorecard("t-1", 1, List.of(), null), null,
                Times.minutesAfterT0(2));

        assertThat(stores.analyses().update(completed, AnalysisStatus.RUNNING)).isTrue();

        assertThat(stores.analyses().find("a-1").orElseThrow().quality()).isEqualTo(unknownWords);
        assertThat(stores.analyses().find("a-1").orElseThrow().quality().lowConfidence()).isFalse();
    }

    @Test
    void aRecordingHasItsAnalysesOldestFirst() {
        Template template = schoolTemplate("t-1", "s-1", 1, "Oak's");
        stores.templates().insert(template);
        stores.analyses().insert(Analysis.queued("a-2", "r-1", "s-1", "u-1", template, Times.T0,
                Times.minutesAfterT0(5)));
        stores.analyses().insert(Analysis.queued("a-1", "r-1", "s-1", "u-1", template, Times.T0,
                Times.minutesAfterT0(1)));
        stores.analyses().insert(Analysis.queued("a-3", "r-2", "s-1", "u-1", template, Times.T0,
                Times.minutesAfterT0(2)));

        assertThat(stores.analyses().listForRecording("r-1")).extracting(Analysis::id).containsExactly("a-1", "a-2");
        assertThat(stores.analyses().listCompletedForTeacher("u-1")).isEmpty();

        Analysis a2 = stores.analyses().find("a-2").orElseThrow();
        stores.analyses().update(a2.running("run-2", Times.minutesAfterT0(6), LEASE), AnalysisStatus.QUEUED);
        assertThat(stores.analyses().listUnfinished()).extracting(Analysis::id).containsExactly("a-1", "a-3", "a-2");

        stores.analyses().deleteForRecording("r-1");
        assertThat(stores.analyses().listForRecording("r-1")).isEmpty();
        assertThat(stores.analyses().listForRecording("r-2")).extracting(Analysis::id).containsExactly("a-3");
    }

    @Test
    void aRunningAnalysisIsHeldByOneRunUntilItsLeaseEnds() {
        Template template = schoolTemplate("t-1", "s-1", 1, "Oak's");
        stores.templates().insert(template);
        Analysis queued = Analysis.queued("a-1", "r-1", "s-1", "u-1", template, Times.T0, Times.T0);
        stores.analyses().insert(queued);
        Instant start = Times.minutesAfterT0(1);

        Analysis first = queued.running("run-1", start, LEASE);
        assertThat(stores.analyses().claim(first, start)).isTrue();
        Analysis second = queued.running("run-2", start.plus(LEASE).minusMillis(1), LEASE);
        assertThat(stores.analyses().claim(second, start.plus(LEASE).minusMillis(1))).as("still held").isFalse();

        Instant renewedUntil = start.plus(LEASE).plus(LEASE);
        assertThat(stores.analyses().renewLease("a-1", "run-2", renewedUntil)).as("not its run").isFalse();
        assertThat(stores.analyses().renewLease("a-1", "run-1", renewedUntil)).isTrue();
        assertThat(stores.analyses().find("a-1").orElseThrow().leaseUntil()).isEqualTo(renewedUntil);
        assertThat(stores.analyses().claim(second, start.plus(LEASE))).as("renewed").isFalse();

        assertThat(stores.analyses().claim(second, renewedUntil)).as("its lease ended: the runner died").isTrue();
        assertThat(stores.analyses().find("a-1")).hasValue(second);
        assertThat(stores.analyses().renewLease("a-1", "run-1", renewedUntil.plus(LEASE))).isFalse();
        assertThat(stores.analyses().update(first.failed("late", renewedUntil), AnalysisStatus.RUNNING))
                .as("the run that lost its hold never writes").isFalse();
        assertThat(stores.analyses().update(second.failed("model down", renewedUntil), AnalysisStatus.RUNNING))
                .isTrue();
        assertThat(stores.analyses().find("a-1").orElseThrow().error()).isEqualTo("model down");
        assertThat(stores.analyses().claim(queued.running("run-3", Times.minutesAfterT0(99), LEASE),
                Times.minutesAfterT0(99))).as("a finished analysis is never claimed").isFalse();
    }

    @Test
    void aRunningAnalysisIsQueuedAgainOnlyWhileTheSameRunHoldsIt() {
        Template template = schoolTemplate("t-1", "s-1", 1, "Oak's");
        stores.templates().insert(template);
        Analysis queued = Analysis.queued("a-1", "r-1", "s-1", "u-1", template, Times.T0, Times.T0);
        stores.analyses().insert(queued);
        Analysis first = queued.running("run-1", Times.T0, LEASE);
        stores.analyses().claim(first, Times.T0);
        Analysis second = queued.running("run-2", Times.T0.plus(LEASE), LEASE);
        stores.analyses().claim(second, Times.T0.plus(LEASE));

        assertThat(stores.analyses().update(first.retried(), AnalysisStatus.RUNNING)).isFalse();
        assertThat(stores.analyses().update(second.retried(), AnalysisStatus.RUNNING)).isTrue();
        assertThat(stores.analyses().find("a-1").orElseThrow().status()).isEqualTo(AnalysisStatus.QUEUED);
    }

    @Test
    void schoolSettingsStartAtTheDefaultsAndAreReplacedOnSave() {
        assertThat(stores.settings().find("s-1")).isEqualTo(SchoolAnalysisSettings.defaults("s-1"));

        stores.settings().save(new SchoolAnalysisSettings("s-1", true, "t-9", true, Duration.ofDays(7)));
        stores.settings().save(new SchoolAnalysisSettings("s-1", true, null, false, Duration.ofMinutes(90)));
        stores.settings().save(new SchoolAnalysisSettings("s-2", false, null, false, Duration.ofDays(400)));

        assertThat(stores.settings().find("s-1"))
                .isEqualTo(new SchoolAnalysisSettings("s-1", true, null, false, Duration.ofMinutes(90)));
        assertThat(stores.settings().find("s-2").audioRetention()).isEqualTo(Duration.ofDays(400));

        stores.settings().save(new SchoolAnalysisSettings("s-1", true, null, false, null));
        assertThat(stores.settings().find("s-1").audioRetention()).as("back to the installation's").isNull();
    }

    @Test
    void aSchoolsScoreGoalIsKeptAndStartsAtTheDefault() {
        assertThat(stores.settings().find("s-1").scoreGoal()).isEqualTo(SchoolAnalysisSettings.DEFAULT_SCORE_GOAL);
        stores.settings().save(new SchoolAnalysisSettings("s-1", false, null, false, null, 85));
        stores.settings().save(new SchoolAnalysisSettings("s-2", false, null, false, null));

        assertThat(stores.settings().find("s-1").scoreGoal()).isEqualTo(85);
        assertThat(stores.settings().find("s-2").scoreGoal()).isEqualTo(SchoolAnalysisSettings.DEFAULT_SCORE_GOAL);
        stores.settings().save(new SchoolAnalysisSettings("s-1", true, null, false, null, 55));
        assertThat(stores.settings().find("s-1"))
                .isEqualTo(new SchoolAnalysisSettings("s-1", true, null, false, null, 55));
    }
}

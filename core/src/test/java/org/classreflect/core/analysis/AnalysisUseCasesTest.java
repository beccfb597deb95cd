package org.classreflect.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.metrics.QualitySignal;
import org.classreflect.core.pipeline.JobOutcome;
import org.classreflect.core.pipeline.ProcessNextJob;
import org.classreflect.core.rubric.RubricAnalysisException;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.report.Progress;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.school.ScoreVisibility.Seen;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RequestAnalysis}, {@link AnalyzeRecording} (run by the worker) and {@link ReadAnalyses} over in-memory ports,
 * with the starter templates seeded.
 */
class AnalysisUseCasesTest {

    private static final Template QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME;

    @TempDir
    Path scratch;

    private InMemoryCore core;
    private ProcessNextJob worker;
    private Recording lesson;

    @BeforeEach
    void setUp() throws Exception {
        core = new InMemoryCore(scratch);
        assertThat(core.seedStarterTemplates().execute()).isEqualTo(StarterTemplates.ALL.size());
        worker = core.processNextJob();
        // these tests ask for their analyses themselves: no default template analyses the upload
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.oak.id(), false, null, false, null));
        lesson = core.uploadAsAda();
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);
        core.clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void aSchoolThatHasChosenNothingGetsEveryUploadAnalysedWithTheStarterTemplate() throws Exception {
        InMemoryCore fresh = new InMemoryCore(scratch.resolve("fresh"));
        fresh.seedStarterTemplates().execute();
        Recording upload = fresh.uploadAsAda();

        assertThat(fresh.processNextJob().runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(fresh.readAnalyses().forRecording(fresh.ada.asActor(), upload.id()).orElseThrow().value())
                .singleElement().satisfies(a -> {
                    assertThat(a.templateId()).isEqualTo(SchoolAnalysisSettings.STARTER_DEFAULT_TEMPLATE_ID)
                            .isEqualTo(QUESTIONING.id());
                    assertThat(a.status()).isEqualTo(AnalysisStatus.COMPLETED);
                });
    }

    @Test
    void seedingTwiceAddsNothing() {
        assertThat(core.seedStarterTemplates().execute()).isZero();
        assertThat(core.stores.templates().listAll()).hasSize(StarterTemplates.ALL.size());
    }

    @Test
    void anAnalysisRequestedOnACompletedRecordingIsRunByTheWorkerWithMetricsAndAScore() throws Exception {
        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id())
                .orElseThrow();
        assertThat(queued.status()).isEqualTo(AnalysisStatus.QUEUED);
        assertThat(queued.templateVersion()).isEqualTo(QUESTIONING.version());

        assertThat(worker.runOnce()).as("the request queued a job for the worker").isEqualTo(JobOutcome.DISCARDED);

        Analysis done = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(done.error()).isNull();
        assertThat(done.metrics().get(Metric.QUESTIONS_PER_MINUTE).value()).isPositive();
        assertThat(done.criterionScores()).extracting(CriterionScore::criterion)
                .containsExactlyElementsOf(QUESTIONING.criteria().stream().map(c -> c.name()).toList());
        assertThat(done.overallScore()).isNotNull().isBetween(0.0, 100.0);
        assertThat(core.transcriber.calls()).as("the transcript is reused").isEqualTo(1);

        ReadAnalyses read = core.readAnalyses();
        Seen<java.util.List<Analysis>> seen = read.forRecording(core.ada.asActor(), lesson.id()).orElseThrow();
        assertThat(seen.value()).containsExactly(done);
        assertThat(seen.scoresHidden()).isFalse();
        assertThat(read.metrics(core.oakManager.asActor(), lesson.id()).orElseThrow()).isEqualTo(done);
    }

    @Test
    void everyRequestAddsAnAnalysisAndAWorkerRunsEachOnce() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        core.requestAnalysis().execute(core.oakManager.asActor(), lesson.id(),
                StarterTemplates.STUDENT_VOICE_AND_ENGAGEMENT.id()).orElseThrow();

        worker.runOnce();
        worker.runOnce();

        assertThat(core.stores.analyses().listForRecording(lesson.id())).hasSize(2)
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(AnalysisStatus.COMPLETED));
        assertThat(worker.runOnce()).isEqualTo(JobOutcome.NO_JOB);
    }

    @Test
    void aTeacherOfAnotherSchoolCannotRequestOrReadTheAnalysis() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        worker.runOnce();

        assertThat(reason(core.requestAnalysis().execute(core.eve.asActor(), lesson.id(), QUESTIONING.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.requestAnalysis().execute(core.elmManager.asActor(), lesson.id(), QUESTIONING.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.readAnalyses().forRecording(core.eve.asActor(), lesson.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.readAnalyses().metrics(core.eve.asActor(), lesson.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.readAnalyses().progress(core.eve.asActor(), core.ada.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.analyses().listForRecording(lesson.id())).hasSize(1);
    }

    @Test
    void aColleagueInTheSameSchoolCannotReadAnotherTeachersAnalysisButTheManagerCan() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        worker.runOnce();

        assertThat(reason(core.readAnalyses().forRecording(core.bob.asActor(), lesson.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.readAnalyses().forRecording(core.oakManager.asActor(), lesson.id()).orElseThrow().value())
                .hasSize(1);
    }

    @Test
    void anotherSchoolsTemplateCannotBeUsed() {
        Template elmOwn = new Template("elm-own", core.elm.id(), "Elm's", "", "x", java.util.Set.of(),
                java.util.Set.of(), 1, QUESTIONING.criteria());
        core.stores.templates().insert(elmOwn);

        assertThat(reason(core.requestAnalysis().execute(core.oakManager.asActor(), lesson.id(), elmOwn.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), null)))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.analyses().listForRecording(lesson.id())).isEmpty();
    }

    @Test
    void scoresAreHiddenFromTeachersWhenTheSchoolHidesThemButNotFromItsManager() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        worker.runOnce();
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.oak.id(), true, null, false, null));
        ReadAnalyses read = core.readAnalyses();

        assertThat(read.forRecording(core.ada.asActor(), lesson.id()).orElseThrow().scoresHidden()).isTrue();
        assertThat(read.forRecording(core.oakManager.asActor(), lesson.id()).orElseThrow().scoresHidden()).isFalse();

        Progress teacherView = read.progress(core.ada.asActor(), core.ada.id()).orElseThrow();
        Progress managerView = read.progress(core.oakManager.asActor(), core.ada.id()).orElseThrow();
        assertThat(teacherView.lessons()).isEqualTo(1);
        assertThat(teacherView.criteria()).as("no criterion scores for the teacher").isEmpty();
        assertThat(teacherView.metrics()).as("metrics are not scores").isNotEmpty();
        assertThat(managerView.criteria()).isNotEmpty();
    }

    @Test
    void scoresAreShownToTeachersWhenTheSchoolDoesNotHideThem() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        worker.runOnce();
        // Elm hides its scores; Oak's teachers are not affected
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.elm.id(), true, null, false, null));

        assertThat(core.readAnalyses().forRecording(core.ada.asActor(), lesson.id()).orElseThrow().scoresHidden())
                .isFalse();
        assertThat(core.readAnalyses().progress(core.ada.asActor(), core.ada.id()).orElseThrow().criteria())
                .isNotEmpty();
    }

    @Test
    void anAnalysisRequestedBeforeTheTranscriptRunsWhenTheRecordingCompletes() throws Exception {
        Recording second = core.uploadAsAda();
        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), second.id(), QUESTIONING.id())
                .orElseThrow();

        assertThat(worker.runOnce()).isEqualTo(JobOutcome.COMPLETED);

        assertThat(core.stores.analyses().find(queued.id()).orElseThrow().status())
                .isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(worker.runOnce()).as("no extra job was queued").isEqualTo(JobOutcome.NO_JOB);
    }

    @Test
    void theSchoolSummaryIsForItsManagersOnly() throws Exception {
        core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id()).orElseThrow();
        worker.runOnce();

        assertThat(core.readAnalyses().summary(core.oakManager.asActor(), core.oak.id()).orElseThrow().analyses())
                .isEqualTo(1);
        assertThat(reason(core.readAnalyses().summary(core.ada.asActor(), core.oak.id())))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.readAnalyses().summary(core.elmManager.asActor(), core.oak.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    @Test
    void aFailingLanguageModelFailsTheAnalysisAloneAndARetryRunsItAgain() throws Exception {
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.oak.id(), false, null, true, null));
        core.rubric = request -> {
            throw new RubricAnalysisException("the model gave no usable feedback", java.util.List.of("no JSON"));
        };
        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id())
                .orElseThrow();
        worker.runOnce();

        Analysis failed = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(AnalysisStatus.FAILED);
        assertThat(failed.error()).contains("no usable feedback");
        assertThat(core.recording(lesson.id()).status()).as("the recording is untouched")
                .isEqualTo(org.classreflect.core.recording.RecordingStatus.COMPLETED);
        assertThat(core.stores.transcripts().find(lesson.id())).isPresent();

        assertThat(reason(core.requestAnalysis().retry(core.eve.asActor(), lesson.id(), queued.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        core.rubric = request -> null; // the model is switched off meanwhile
        assertThat(core.requestAnalysis().retry(core.ada.asActor(), lesson.id(), queued.id()).orElseThrow().status())
                .isEqualTo(AnalysisStatus.QUEUED);
        worker.runOnce();

        Analysis done = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(done.overallScore()).isNotNull();
        assertThat(reason(core.requestAnalysis().retry(core.ada.asActor(), lesson.id(), queued.id())))
                .as("only a failed analysis is retried").isEqualTo(Rejection.Reason.CONFLICT);
    }

    @Test
    void aTranscriptOfUnsureWordsGivesALowConfidenceAnalysisThatSaysWhyAndAsksNoLanguageModel() throws Exception {
        core.stores.schoolSettings().save(new SchoolAnalysisSettings(core.oak.id(), false, null, true, null));
        AtomicInteger asked = new AtomicInteger();
        core.rubric = request -> {
            asked.incrementAndGet();
            return null;
        };
        core.transcriber.wordConfidence = 0.3;
        Recording mumbled = core.uploadAsAda();
        worker.runOnce();

        Analysis unsure = analysed(mumbled);
        Analysis sure = analysed(lesson);

        assertThat(unsure.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(unsure.quality()).satisfies(q -> {
            assertThat(q.engine()).isEqualTo("fake");
            assertThat(q.model()).isEqualTo("fake-1");
            assertThat(q.meanWordConfidence()).isCloseTo(0.3, within(1e-9));
            assertThat(q.lowConfidenceWordShare()).isEqualTo(1.0);
            assertThat(q.lowConfidence()).isTrue();
            assertThat(q.lowConfidenceReason()).contains("0.30").contains("no language model was asked");
        });
        assertThat(unsure.rubric()).isNull();
        assertThat(unsure.metrics().get(Metric.QUESTION_COUNT).restsOn()).contains(QualitySignal.WORD_CONFIDENCE);
        assertThat(unsure.metrics().get(Metric.LONGEST_PAUSE_SECONDS).restsOn()).isEmpty();
        assertThat(sure.quality().lowConfidence()).isFalse();
        assertThat(sure.quality().meanWordConfidence()).isCloseTo(0.9, within(1e-9));
        assertThat(sure.quality().lowConfidenceWordShare()).isZero();
        assertThat(asked).as("only the lesson heard with sure words was judged").hasValue(1);
    }

    private Analysis analysed(Recording recording) throws Exception {
        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), recording.id(), QUESTIONING.id())
                .orElseThrow();
        worker.runOnce();
        return core.stores.analyses().find(queued.id()).orElseThrow();
    }

    @Test
    void anAnalysisKeepsTheTemplateVersionItWasRequestedWith() throws Exception {
        Template own = core.manageTemplates().create(core.oakManager.asActor(), new org.classreflect.core.template
                .ManageTemplates.Draft(null, "Oak questioning", "", "q", java.util.Set.of(), java.util.Set.of(),
                QUESTIONING.criteria())).orElseThrow();
        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), own.id()).orElseThrow();
        core.manageTemplates().update(core.oakManager.asActor(), own.id(), new org.classreflect.core.template
                .ManageTemplates.Draft(null, "Oak questioning v2", "", "q", java.util.Set.of(), java.util.Set.of(),
                StarterTemplates.LESSON_CLARITY_AND_PACE.criteria())).orElseThrow();

        worker.runOnce();

        Analysis done = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(done.templateVersion()).isEqualTo(1);
        assertThat(done.criterionScores()).extracting(CriterionScore::criterion)
                .containsExactlyElementsOf(QUESTIONING.criteria().stream().map(c -> c.name()).toList());
    }

    @Test
    void aLessonWhoseAudioRetentionDeletedIsStillAnalysedFromItsTranscript() throws Exception {
        core.clock.advance(Duration.ofDays(2));
        core.applyRetention(new org.classreflect.core.deletion.RetentionSettings(Duration.ofHours(24),
                Duration.ofDays(30), Duration.ofDays(1))).execute();
        assertThat(core.recording(lesson.id()).hasAudio()).isFalse();

        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id())
                .orElseThrow();
        worker.runOnce();

        Analysis done = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(done.metrics().get(Metric.QUESTIONS_PER_MINUTE).value()).isPositive();
    }

    @Test
    void audioThatCannotBeDecodedForTheSpeakersIsReportedByTheTalkShares() throws Exception {
        core.speakers = (utterances, samples) -> {
            samples.stream(chunk -> { });
            throw new AssertionError("the decoder should have failed");
        };
        core.decoder.undecodable = true;

        Analysis queued = core.requestAnalysis().execute(core.ada.asActor(), lesson.id(), QUESTIONING.id())
                .orElseThrow();
        worker.runOnce();

        Analysis done = core.stores.analyses().find(queued.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(AnalysisStatus.COMPLETED);
        assertThat(done.metrics().get(Metric.TEACHER_TALK_SHARE).value()).isNull();
        assertThat(done.metrics().get(Metric.TEACHER_TALK_SHARE).note())
                .contains("the audio could not be read").contains("invalid data found when processing input");
        assertThat(done.metrics().get(Metric.QUESTIONS_PER_MINUTE).value()).as("transcript metrics stay")
                .isPositive();
    }
}

package org.classreflect.testfixtures.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.classreflect.core.admin.SchoolCounts;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.core.template.Template;
import org.classreflect.core.apitoken.ApiToken;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.inmemory.ConstraintViolationException;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SystemChoices;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.builders.Times;
import org.classreflect.testfixtures.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** What the SQL stores do that the contracts leave unchecked, checked on the in-memory ones. */
class InMemoryStoresTest {

    private static final Template TEMPLATE = StarterTemplates.QUESTIONING_AND_WAIT_TIME;

    private final MutableClock clock = new MutableClock(Times.T0);
    private final InMemoryStores stores = new InMemoryStores(clock);

    @BeforeEach
    void setUp() {
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.users().insert(AUser.teacher("t-1", "s-1"));
        stores.users().insert(AUser.teacher("t-2", "s-1"));
        stores.recordings().insert(ARecording.queued("r-1", "s-1", "t-1"));
        stores.templates().insert(TEMPLATE);
    }

    @Test
    void refusesRowsThatReferToNothingStoredAsTheForeignKeysDo() {
        Template ofUnknownSchool = new Template("t-x", "s-9", "Elsewhere", null, null, Set.of(), Set.of(), 1,
                TEMPLATE.criteria());
        Analysis ofVersion1 = Analysis.queued("a-1", "r-1", "s-1", "t-1", TEMPLATE, Times.T0, Times.T0);
        Analysis ofMissingVersion2 = new Analysis("a-1", "r-1", "s-1", "t-1", TEMPLATE.id(), 2,
                AnalysisStatus.QUEUED, null, null, null, null, null, null, null, Times.T0, Times.T0, null, null, null, null);

        assertThatThrownBy(() -> stores.users().insert(AUser.teacher("t-9", "s-9")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.recordings().insert(ARecording.queued("r-9", "s-1", "t-9")))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.apiTokens().insert(new ApiToken("k-1", "t-9", "script", "a".repeat(64),
                Times.T0, null))).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.templates().insert(ofUnknownSchool))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.analyses().insert(ofMissingVersion2))
                .isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.schoolSettings().save(SchoolAnalysisSettings.defaults("s-9")))
                .isInstanceOf(ConstraintViolationException.class);

        assertThat(stores.users().find("t-9")).isEmpty();
        assertThat(stores.recordings().find("r-9")).isEmpty();
        assertThat(stores.templates().latest("t-x")).isEmpty();
        assertThat(stores.analyses().find("a-1")).isEmpty();
        stores.analyses().insert(ofVersion1);
        assertThat(stores.analyses().find("a-1")).isPresent();
    }

    @Test
    void refusesAnUpdateThatTakesAnotherUsersEmailOrSchool() {
        User t2 = AUser.teacher("t-2", "s-1");
        User takesEmail = new User("t-2", "s-1", "t-1@school.example", "x", t2.role(), "h", true, false, Times.T0, null);
        User movesAway = new User("t-2", "s-9", t2.email(), "x", t2.role(), "h", true, false, Times.T0, null);

        assertThatThrownBy(() -> stores.users().update(takesEmail)).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> stores.users().update(movesAway)).isInstanceOf(ConstraintViolationException.class);
        assertThat(stores.users().find("t-2")).hasValue(t2);
    }

    @Test
    void anAnalysisUpdateChangesOnlyTheColumnsTheSqlUpdateSets() {
        Analysis queued = Analysis.queued("a-1", "r-1", "s-1", "t-1", TEMPLATE, Times.T0, Times.T0);
        stores.analyses().insert(queued);
        Analysis elsewhere = new Analysis("a-1", "r-2", "s-2", "t-2", "other", 7, AnalysisStatus.FAILED, "gone",
                null, null, null, null, null, null, Times.minutesAfterT0(9), Times.minutesAfterT0(9),
                Times.minutesAfterT0(1), Times.minutesAfterT0(2), null, null);

        assertThat(stores.analyses().update(elsewhere, AnalysisStatus.QUEUED)).isTrue();

        Analysis stored = stores.analyses().find("a-1").orElseThrow();
        assertThat(stored).isEqualTo(new Analysis("a-1", "r-1", "s-1", "t-1", TEMPLATE.id(), 1,
                AnalysisStatus.FAILED, "gone", null, null, null, null, null, null, Times.T0, Times.T0,
                Times.minutesAfterT0(1), Times.minutesAfterT0(2), null, null));
    }

    @Test
    void listsCompletedAnalysesOnlyWhileTheirRecordingExistsAndKeepsTimesToTheMillisecond() {
        Instant precise = Times.T0.plusNanos(456_789);
        Analysis queued = Analysis.queued("a-1", "r-1", "s-1", "t-1", TEMPLATE, precise, precise);
        stores.analyses().insert(queued);
        Analysis completed = new Analysis("a-1", "r-1", "s-1", "t-1", TEMPLATE.id(), 1, AnalysisStatus.COMPLETED,
                null, Map.of(), List.of(), List.of(), 50.0, null, null, precise, precise, precise, precise, "run-1",
                null);
        stores.analyses().update(completed, AnalysisStatus.QUEUED);

        assertThat(stores.analyses().listCompletedForSchool("s-1")).singleElement().satisfies(a -> {
            assertThat(a.lessonAt()).isEqualTo(Times.T0);
            assertThat(a.finishedAt()).isEqualTo(Times.T0);
        });
        stores.recordings().delete("r-1");
        assertThat(stores.analyses().listCompletedForSchool("s-1")).isEmpty();
        assertThat(stores.analyses().listCompletedForTeacher("t-1")).isEmpty();
        assertThat(stores.analyses().find("a-1")).as("no cascade, as in SQL").isPresent();
    }

    @Test
    void aTemplateVersionInsertedAfterItsDeletionIsListedAgain() {
        Template v2 = new Template(TEMPLATE.id(), null, "Renamed", null, null, Set.of(), Set.of(), 2,
                TEMPLATE.criteria());
        stores.templates().delete(TEMPLATE.id());

        stores.templates().insert(v2);

        assertThat(stores.templates().latest(TEMPLATE.id())).hasValue(v2);
        assertThat(stores.templates().listAll()).containsExactly(v2);
        assertThat(stores.templates().delete(TEMPLATE.id())).isTrue();
        assertThat(stores.templates().listAll()).isEmpty();
    }

    @Test
    void returnsSnapshotsThatLaterWritesAndTheCallerCannotChange() {
        List<User> before = stores.users().list("s-1");
        Map<String, SchoolCounts> counts = stores.usageStatistics().countsBySchool();

        stores.users().insert(AUser.teacher("t-3", "s-1"));
        counts.clear();

        assertThat(before).extracting(User::id).containsExactly("t-1", "t-2");
        assertThat(stores.usageStatistics().countsBySchool()).containsEntry("s-1", new SchoolCounts(3, 0, 1));
        assertThatThrownBy(() -> stores.users().list("s-1").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ordersNamesByCodePointAsTheBinaryCollationDoes() {
        stores.schools().insert(ASchool.named("s-2", "\uD83D\uDE00 Smiles"));
        stores.schools().insert(ASchool.named("s-3", "\uFF21 Fullwidth"));

        assertThat(stores.schools().list()).extracting(School::id).containsExactly("s-1", "s-3", "s-2");
    }

    @Test
    void searchesNeitherTheGradeNorPartOfTheSubject() {
        Recording r = ARecording.of("r-2", "s-1", "t-1").status(RecordingStatus.COMPLETED).build();
        stores.recordings().insert(new Recording(r.id(), r.schoolId(), r.teacherId(),
                new RecordingMetadata(null, "Maths", "Year 11", null), r.originalFileName(), r.contentType(),
                r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status(), r.progressPercent(), r.attempts(),
                r.errorMessage(), r.createdAt(), r.queuedAt(), r.startedAt(), r.finishedAt(), r.audioDeletedAt()));

        assertThat(search(new RecordingSearch("year", null, null, null))).isEmpty();
        assertThat(search(new RecordingSearch(null, "math", null, null))).isEmpty();
        assertThat(search(new RecordingSearch(null, "MATHS", null, null))).containsExactly("r-2");
    }

    @Test
    void keepsRetentionInWholeSecondsAndARubricChoiceWithoutAProviderAsNone() {
        stores.schoolSettings().save(new SchoolAnalysisSettings("s-1", false, null, false, Duration.ofMillis(90_999)));
        stores.systemChoices().save(new SystemChoices("base.en", new RubricChoice(null, "http://x", "m"), Times.T0,
                "admin"));

        assertThat(stores.schoolSettings().find("s-1").audioRetention()).isEqualTo(Duration.ofSeconds(90));
        assertThat(stores.systemChoices().find()).isEqualTo(new SystemChoices("base.en", null, Times.T0, "admin"));
    }

    @Test
    void reportsEachChangeOnceAndNoUpdateThatChangesNothing() {
        RecordingChanges changes = stores.recordingChanges();
        RecordingChanges.Cursor start = changes.start();
        Recording queued = stores.recordings().find("r-1").orElseThrow();

        assertThat(stores.recordings().update(queued, RecordingStatus.QUEUED)).isTrue();
        stores.recordings().updateProgress("r-1", 50);
        RecordingChanges.Batch nothing = changes.poll(start);
        stores.recordings().update(queued.startAttempt(Times.minutesAfterT0(1)), RecordingStatus.QUEUED);
        RecordingChanges.Batch started = changes.poll(nothing.next());

        assertThat(nothing.changed()).isEmpty();
        assertThat(started.changed()).extracting(Recording::status).containsExactly(RecordingStatus.PROCESSING);
        assertThat(changes.poll(started.next()).changed()).isEmpty();
    }

    @Test
    void forgetsATombstoneAnHourOlderThanTheNewest() {
        stores.recordings().insert(ARecording.queued("r-2", "s-1", "t-1"));
        RecordingChanges changes = stores.recordingChanges();
        RecordingChanges.Cursor start = changes.start();
        stores.recordings().delete("r-1");
        clock.advance(Duration.ofMinutes(61));
        stores.recordings().delete("r-2");

        assertThat(changes.poll(start).deleted()).extracting(RecordingChanges.Deleted::id)
                .containsExactly("r-1", "r-2");
        assertThat(changes.poll(start).deleted()).extracting(RecordingChanges.Deleted::id).containsExactly("r-2");
    }

    @RepeatedTest(5)
    void keepsExactlyOneOfTwoTranscriptsSavedAtOnce() throws Exception {
        List<Transcript> candidates = List.of(ATranscript.withText("r-1", "from worker A"),
                ATranscript.withText("r-1", "from worker B"));
        CyclicBarrier start = new CyclicBarrier(candidates.size());
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            List<CompletableFuture<Boolean>> saves = candidates.stream()
                    .map(t -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return stores.transcripts().saveIfAbsent(t);
                    }, pool))
                    .toList();
            List<Boolean> results = saves.stream().map(CompletableFuture::join).toList();

            assertThat(results).containsExactlyInAnyOrder(true, false);
            assertThat(stores.transcripts().find("r-1")).hasValue(candidates.get(results.indexOf(true)));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> search(RecordingSearch search) {
        RecordingQuery query = new RecordingQuery(RecordingScope.everything(), null, Set.of(), PageRequest.first(),
                search);
        var page = search.text() != null ? stores.recordingTextSearch().search(query) : stores.recordings().list(query);
        return page.items().stream().map(r -> r.recording().id()).toList();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

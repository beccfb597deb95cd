package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.classreflect.testfixtures.builders.Times.minutesAfterT0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.RecordingTextSearch;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordingTextSearch}: words in the titles (class name, subject, file name, notes, lesson name) and in the
 * transcript, short words (under 3 characters) in the titles only, with the listing's subject and date
 * filters, always inside the actor's scope, and up to date with every change. Schools s-1 and s-2, teachers t-1 and
 * t-2 in s-1 and t-3 in s-2.
 */
public abstract class RecordingSearchContract {

    public record Stores(Schools schools, Users users, Recordings recordings, Transcripts transcripts,
                         RecordingTextSearch search) {
    }

    private Recordings recordings;
    private Transcripts transcripts;
    private RecordingTextSearch search;

    protected abstract Stores emptyStores();

    @BeforeEach
    void setUp() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Primary"));
        stores.users().insert(AUser.teacher("t-1", "s-1"));
        stores.users().insert(AUser.teacher("t-2", "s-1"));
        stores.users().insert(AUser.teacher("t-3", "s-2"));
        recordings = stores.recordings();
        transcripts = stores.transcripts();
        search = stores.search();
        insert("maths", "t-1", 0, new RecordingMetadata("Year 5 Fractions", "Maths", "5", null), "monday.mp3");
        insert("science", "t-1", 10, new RecordingMetadata("7B", "Science", "7", "Guest: Dr. Evans"), "lab.wav");
        insert("history", "t-2", 20, new RecordingMetadata("8A", "History", "8", null), "Romans_100%.m4a");
        insert("elm", "t-3", 30, new RecordingMetadata("Year 5 Fractions", "Maths", "5", null), "elm.mp3");
        transcripts.saveIfAbsent(ATranscript.withText("science",
                "Why does water évaporate from the sea? Because the sun heats it."));
        transcripts.saveIfAbsent(ATranscript.withText("elm", "Water in the clouds."));
    }

    private void insert(String id, String teacher, int minutes, RecordingMetadata metadata, String file) {
        Recording r = ARecording.of(id, teacher.equals("t-3") ? "s-2" : "s-1", teacher)
                .status(RecordingStatus.COMPLETED).createdAt(minutesAfterT0(minutes)).build();
        recordings.insert(withTitles(r, metadata, file));
    }

    private static Recording withTitles(Recording r, RecordingMetadata metadata, String file) {
        return new Recording(r.id(), r.schoolId(), r.teacherId(), metadata, file, r.contentType(),
                r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status(), r.progressPercent(), r.attempts(),
                r.errorMessage(), r.createdAt(), r.queuedAt(), r.startedAt(), r.finishedAt(), r.audioDeletedAt());
    }

    /** Through the search when there is text, else through the listing, as ListRecordings does. */
    private Iterable<String> ids(RecordingScope scope, RecordingSearch criteria) {
        var query = new RecordingQuery(scope, null, Set.of(), new PageRequest(0, 50), criteria);
        var page = criteria.text() == null ? recordings.list(query) : search.search(query);
        return page.items().stream().map(r -> r.recording().id()).toList();
    }

    private Page<Recording> searched(RecordingQuery query) {
        return search.search(query).map(ListedRecording::recording);
    }

    @Test
    void namesEachFoundRecordingsTeacher() {
        var found = search.search(new RecordingQuery(RecordingScope.everything(), null, Set.of(),
                new PageRequest(0, 50), text("water")));

        assertThat(found.items()).extracting(r -> r.recording().id(), ListedRecording::teacherName)
                .containsExactly(tuple("elm", "Teacher t-3"), tuple("science", "Teacher t-1"));
    }

    private List<String> ids(RecordingQuery query) {
        return searched(query).items().stream().map(Recording::id).toList();
    }

    private Iterable<String> ids(String text) {
        return ids(RecordingScope.everything(), text(text));
    }

    private static RecordingSearch text(String text) {
        return new RecordingSearch(text, null, null, null);
    }

    @Test
    void findsWordsInEachTitleFieldWhateverTheirCase() {
        assertThat(ids("fractions")).containsExactly("elm", "maths");
        assertThat(ids("SCIENCE")).containsExactly("science");
        assertThat(ids("Monday")).containsExactly("maths");
        assertThat(ids("dr. evans")).containsExactly("science");
    }

    @Test
    void findsWordsInTheTranscriptWhateverTheirAccents() {
        assertThat(ids("evaporate")).containsExactly("science");
        assertThat(ids("Évaporaté")).containsExactly("science");
        assertThat(ids("water")).containsExactly("elm", "science");
    }

    @Test
    void findsWordsByTheirBeginningOnly() {
        assertThat(ids("evapor")).containsExactly("science");
        assertThat(ids("Fraction")).containsExactly("elm", "maths");
        assertThat(ids("vaporate")).isEmpty();
    }

    @Test
    void findsEachRecordingOnceWhateverTheWordsBeginningWithTheQueryWord() {
        transcripts.saveIfAbsent(ATranscript.withText("maths", "Waterfalls, watering cans and watery paint."));

        assertThat(ids("water")).containsExactly("elm", "science", "maths");
        assertThat(ids("wat")).containsExactly("elm", "science", "maths");
        assertThat(ids("waterf")).containsExactly("maths");
    }

    @Test
    void needsEachWordsBeginningSomewhereInTheRecording() {
        transcripts.saveIfAbsent(ATranscript.withText("maths", "Waterfalls at sunset."));
        transcripts.saveIfAbsent(ATranscript.withText("history", "Sundials of Rome."));

        assertThat(ids("wat sun")).containsExactly("science", "maths");
        assertThat(ids("sun rom")).containsExactly("history");
        assertThat(ids("wat sun clouds")).isEmpty();
    }

    /** Recordings of one instant come in the listing's order (by id, last first) on every page and in the count. */
    @Test
    void ordersRecordingsOfOneInstantAsTheListingDoes() {
        for (String id : List.of("tie-b", "tie-d", "tie-a", "tie-c")) {
            insert(id, "t-1", 40, new RecordingMetadata("Tied", "Art", "6", null), id + ".mp3");
        }

        List<String> onePerPage = new ArrayList<>();
        List<String> completedOnePerPage = new ArrayList<>();
        for (int offset = 0; offset < 4; offset++) {
            onePerPage.addAll(ids(new RecordingQuery(RecordingScope.school("s-1"), null, Set.of(),
                    new PageRequest(offset, 1), text("tied"))));
            completedOnePerPage.addAll(ids(new RecordingQuery(RecordingScope.school("s-1"), null,
                    Set.of(RecordingStatus.COMPLETED), new PageRequest(offset, 1), text("tied"))));
        }
        var capped = searched(new RecordingQuery(RecordingScope.everything(), null, Set.of(),
                new PageRequest(0, 1), text("tied"), 1));

        assertThat(onePerPage).containsExactly("tie-d", "tie-c", "tie-b", "tie-a");
        assertThat(completedOnePerPage).isEqualTo(onePerPage);
        assertThat(capped.items()).extracting(Recording::id).containsExactly("tie-d");
        assertThat(capped.totalCapped()).isTrue();
    }

    @Test
    void appliesTheListingsOtherFiltersToTheMatches() {
        assertThat(ids(new RecordingQuery(RecordingScope.school("s-1"), "t-1", Set.of(), new PageRequest(0, 50),
                text("water")))).containsExactly("science");
        assertThat(ids(new RecordingQuery(RecordingScope.school("s-1"), "t-2", Set.of(), new PageRequest(0, 50),
                text("water")))).isEmpty();
        assertThat(ids(new RecordingQuery(RecordingScope.everything(), null, Set.of(RecordingStatus.FAILED),
                new PageRequest(0, 50), text("water")))).isEmpty();
        assertThat(ids(new RecordingQuery(RecordingScope.everything(), null, Set.of(RecordingStatus.COMPLETED),
                new PageRequest(0, 50), text("water")))).containsExactly("elm", "science");
    }

    @Test
    void needsEveryWordAnywhereInTheRecording() {
        assertThat(ids("water sun")).containsExactly("science");
        assertThat(ids("science evaporate")).containsExactly("science");
        assertThat(ids("water romans")).isEmpty();
    }

    @Test
    void findsTheLessonName() {
        Recording history = recordings.find("history").orElseThrow();
        recordings.update(withTitles(history, new RecordingMetadata("8A", "History", "8", null, "Hadrian's Wall"),
                history.originalFileName()), history.status());

        assertThat(ids("hadrian wall")).containsExactly("history");
        assertThat(ids("HADRIAN")).containsExactly("history");
    }

    @Test
    void findsWordsTooShortForAFullTextIndexInTheTitlesOnly() {
        transcripts.saveIfAbsent(ATranscript.withText("history", "Ox carts on Roman roads."));

        assertThat(ids("7B")).containsExactly("science");
        assertThat(ids("8a")).containsExactly("history");
        assertThat(ids("year 5")).containsExactly("elm", "maths");
        assertThat(ids("5 water")).containsExactly("elm");
        assertThat(ids("ox")).isEmpty();
        assertThat(ids("ox roman")).isEmpty();
        assertThat(ids(RecordingScope.school("s-1"), text("5"))).containsExactly("maths");
    }

    @Test
    void ignoresStopWordsAndOperators() {
        assertThat(ids("the water")).containsExactly("elm", "science");
        assertThat(ids("+water* \"clouds\"")).containsExactly("elm");
        assertThat(ids("-sun")).containsExactly("science");
        assertThat(ids("%")).isEmpty();
        assertThat(ids("a in")).isEmpty();
    }

    @Test
    void followsEveryChange() {
        transcripts.saveIfAbsent(ATranscript.withText("history", "The legions marched north."));
        assertThat(ids("legions")).containsExactly("history");

        Recording maths = recordings.find("maths").orElseThrow();
        recordings.update(withTitles(maths, new RecordingMetadata("Year 5 Decimals", "Maths", "5", null),
                maths.originalFileName()), maths.status());
        assertThat(ids("decimals")).containsExactly("maths");
        assertThat(ids("fractions")).containsExactly("elm");

        recordings.updateProgress("science", 50);
        assertThat(ids("evaporate")).containsExactly("science");
        transcripts.delete("science");
        assertThat(ids("evaporate")).isEmpty();
        assertThat(ids("science")).containsExactly("science");
        recordings.delete("elm");
        assertThat(ids("water")).isEmpty();
    }

    @Test
    void neverLooksOutsideTheScope() {
        assertThat(ids(RecordingScope.teacher("t-1"), text("water"))).containsExactly("science");
        assertThat(ids(RecordingScope.school("s-1"), text("fractions"))).containsExactly("maths");
        assertThat(ids(RecordingScope.teacher("t-2"), text("evaporate"))).isEmpty();
    }

    @Test
    void filtersBySubjectAndUploadDates() {
        assertThat(ids(RecordingScope.everything(), new RecordingSearch(null, "maths", null, null)))
                .containsExactly("elm", "maths");
        Instant from = minutesAfterT0(10);
        Instant to = minutesAfterT0(30);
        assertThat(ids(RecordingScope.everything(), new RecordingSearch(null, null, from, to)))
                .containsExactly("history", "science");
        assertThat(ids(RecordingScope.school("s-1"), new RecordingSearch("fractions", "Maths", null, from)))
                .containsExactly("maths");
    }

    @Test
    void countsTheMatchesForPaging() {
        var page = searched(new RecordingQuery(RecordingScope.everything(), null, Set.of(), new PageRequest(0, 1),
                text("water")));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.totalCapped()).isFalse();
        assertThat(page.items()).extracting(Recording::id).containsExactly("elm");
    }

    @Test
    void capsTheCountWhenAsked() {
        transcripts.saveIfAbsent(ATranscript.withText("maths", "Water and fractions."));
        transcripts.saveIfAbsent(ATranscript.withText("history", "Water for the legions."));

        var capped = searched(new RecordingQuery(RecordingScope.everything(), null, Set.of(),
                new PageRequest(0, 1), text("water"), 2));
        var exact = searched(new RecordingQuery(RecordingScope.everything(), null, Set.of(),
                new PageRequest(2, 1), text("water"), 2));

        assertThat(capped.items()).extracting(Recording::id).containsExactly("elm");
        assertThat(capped.total()).isEqualTo(2);
        assertThat(capped.totalCapped()).isTrue();
        assertThat(exact.items()).extracting(Recording::id).containsExactly("science");
        assertThat(exact.total()).isEqualTo(4);
        assertThat(exact.totalCapped()).isFalse();
    }
}

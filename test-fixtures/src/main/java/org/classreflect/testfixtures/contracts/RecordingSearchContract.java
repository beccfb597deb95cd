package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.testfixtures.builders.Times.minutesAfterT0;

import java.time.Instant;
import java.util.Set;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
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
 * Searching a {@link Recordings} listing: text in the titles and in the transcript, subject and date filters, all
 * inside the actor's scope. Schools s-1 and s-2, teachers t-1 and t-2 in s-1 and t-3 in s-2.
 */
public abstract class RecordingSearchContract {

    public record Stores(Schools schools, Users users, Recordings recordings, Transcripts transcripts) {
    }

    private Recordings recordings;

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
        insert("maths", "t-1", 0, new RecordingMetadata("Year 5 Fractions", "Maths", "5", null), "monday.mp3");
        insert("science", "t-1", 10, new RecordingMetadata("7B", "Science", "7", "Guest: Dr. Evans"), "lab.wav");
        insert("history", "t-2", 20, new RecordingMetadata("8A", "History", "8", null), "Romans_100%.m4a");
        insert("elm", "t-3", 30, new RecordingMetadata("Year 5 Fractions", "Maths", "5", null), "elm.mp3");
        stores.transcripts().saveIfAbsent(ATranscript.withText("science",
                "Why does water evaporate from the sea? Because the sun heats it."));
        stores.transcripts().saveIfAbsent(ATranscript.withText("elm", "Water in the clouds."));
    }

    private void insert(String id, String teacher, int minutes, RecordingMetadata metadata, String file) {
        Recording r = ARecording.of(id, teacher.equals("t-3") ? "s-2" : "s-1", teacher)
                .status(RecordingStatus.COMPLETED).createdAt(minutesAfterT0(minutes)).build();
        recordings.insert(new Recording(r.id(), r.schoolId(), r.teacherId(), metadata, file, r.contentType(),
                r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status(), r.progressPercent(), r.attempts(),
                r.errorMessage(), r.createdAt(), r.queuedAt(), r.startedAt(), r.finishedAt(), r.audioDeletedAt()));
    }

    private Iterable<String> ids(RecordingScope scope, RecordingSearch search) {
        return recordings.list(new RecordingQuery(scope, null, Set.of(), new PageRequest(0, 50), search)).items()
                .stream().map(Recording::id).toList();
    }

    private static RecordingSearch text(String text) {
        return new RecordingSearch(text, null, null, null);
    }

    @Test
    void findsTextInEachTitleFieldWhateverItsCase() {
        assertThat(ids(RecordingScope.everything(), text("fractions"))).containsExactly("elm", "maths");
        assertThat(ids(RecordingScope.everything(), text("SCIENCE"))).containsExactly("science");
        assertThat(ids(RecordingScope.everything(), text("Monday"))).containsExactly("maths");
        assertThat(ids(RecordingScope.everything(), text("dr. evans"))).containsExactly("science");
    }

    @Test
    void findsTextInTheTranscript() {
        assertThat(ids(RecordingScope.everything(), text("evaporate"))).containsExactly("science");
        assertThat(ids(RecordingScope.everything(), text("water"))).containsExactly("elm", "science");
    }

    @Test
    void takesWildcardsLiterally() {
        assertThat(ids(RecordingScope.everything(), text("100%"))).containsExactly("history");
        assertThat(ids(RecordingScope.everything(), text("%"))).containsExactly("history");
        assertThat(ids(RecordingScope.everything(), text("_"))).containsExactly("history");
        assertThat(ids(RecordingScope.everything(), text("!"))).isEmpty();
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
        var page = recordings.list(new RecordingQuery(RecordingScope.everything(), null, Set.of(), new PageRequest(0, 1),
                text("water")));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Recording::id).containsExactly("elm");
    }
}

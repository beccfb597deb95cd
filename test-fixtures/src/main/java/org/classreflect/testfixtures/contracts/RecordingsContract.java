package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.classreflect.testfixtures.builders.Times.minutesAfterT0;

import java.time.Instant;
import java.util.EnumSet;
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
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Recordings} adapter must do. Recordings belong to schools and teachers, so the store comes with
 * them: schools s-1 and s-2, teachers t-1 and t-2 in s-1 and t-3 in s-2.
 */
public abstract class RecordingsContract {

    public record Stores(Schools schools, Users users, Recordings recordings) {
    }

    private Recordings recordings;
    private Users users;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Primary"));
        stores.users().insert(AUser.teacher("t-1", "s-1"));
        stores.users().insert(AUser.teacher("t-2", "s-1"));
        stores.users().insert(AUser.teacher("t-3", "s-2"));
        recordings = stores.recordings();
        users = stores.users();
    }

    @Test
    void roundTripsEveryField() {
        Recording full = new Recording("r-1", "s-1", "t-1",
                new RecordingMetadata("Year 5 Maths", "Maths", "5", "Fractions, with a guest 🎓", "Halves and quarters"),
                "lesson 1.mp3", "audio/mpeg", 12_345_678_901L, 2712.25, "0123456789abcdef".repeat(4),
                RecordingStatus.FAILED, 42, 3, "decoder gave up", Instant.parse("2026-03-02T08:15:30.001Z"),
                Instant.parse("2026-03-02T08:16:00.010Z"), Instant.parse("2026-03-02T08:17:00.100Z"),
                Instant.parse("2026-03-02T08:18:00.999Z"), Instant.parse("2026-03-09T00:00:00.000Z"));
        recordings.insert(full);

        assertThat(recordings.find("r-1")).hasValue(full);
    }

    @Test
    void roundTripsNulls() {
        Recording fresh = Recording.startUpload("r-1", "s-1", "t-1", RecordingMetadata.NONE, null, null,
                Instant.parse("2026-03-02T08:15:30.123Z"));
        recordings.insert(fresh);

        assertThat(recordings.find("r-1")).hasValue(fresh);
    }

    @Test
    void keepsTimesToTheMillisecond() {
        recordings.insert(ARecording.of("r-1", "s-1", "t-1")
                .createdAt(Instant.parse("2026-03-02T08:15:30.123999999Z")).build());

        assertThat(recordings.find("r-1").orElseThrow().createdAt()).isEqualTo("2026-03-02T08:15:30.123Z");
    }

    @Test
    void findsNothingForAnUnknownId() {
        recordings.insert(ARecording.queued("r-1", "s-1", "t-1"));

        assertThat(recordings.find("r-2")).isEmpty();
    }

    @Test
    void updatesWhenTheStoredStatusIsTheExpectedOne() {
        Recording queued = ARecording.queued("r-1", "s-1", "t-1");
        recordings.insert(queued);
        Recording processing = queued.startAttempt(minutesAfterT0(5));

        assertThat(recordings.update(processing, RecordingStatus.QUEUED)).isTrue();
        assertThat(recordings.find("r-1")).hasValue(processing);
    }

    @Test
    void refusesAnUpdateBasedOnAStaleStatus() {
        Recording queued = ARecording.queued("r-1", "s-1", "t-1");
        recordings.insert(queued);
        Recording failed = queued.failed("cancelled", minutesAfterT0(1));
        assertThat(recordings.update(failed, RecordingStatus.QUEUED)).isTrue();

        boolean updated = recordings.update(queued.startAttempt(minutesAfterT0(2)), RecordingStatus.QUEUED);

        assertThat(updated).isFalse();
        assertThat(recordings.find("r-1")).hasValue(failed);
    }

    @Test
    void refusesToUpdateARecordingThatIsNotThere() {
        Recording queued = ARecording.queued("r-1", "s-1", "t-1");

        assertThat(recordings.update(queued.startAttempt(minutesAfterT0(1)), RecordingStatus.QUEUED)).isFalse();
        assertThat(recordings.find("r-1")).isEmpty();
    }

    @Test
    void updatesProgressOnlyWhileProcessing() {
        recordings.insert(ARecording.of("r-1", "s-1", "t-1").status(RecordingStatus.PROCESSING).build());
        recordings.insert(ARecording.of("r-2", "s-1", "t-1").status(RecordingStatus.QUEUED).build());
        recordings.insert(ARecording.of("r-3", "s-1", "t-1").status(RecordingStatus.FAILED).progress(10).build());

        recordings.updateProgress("r-1", 37);
        recordings.updateProgress("r-2", 37);
        recordings.updateProgress("r-3", 37);
        recordings.updateProgress("r-4", 37);

        assertThat(recordings.find("r-1").orElseThrow().progressPercent()).isEqualTo(37);
        assertThat(recordings.find("r-2").orElseThrow().progressPercent()).isZero();
        assertThat(recordings.find("r-3").orElseThrow().progressPercent()).isEqualTo(10);
    }

    @Test
    void deletesOneRecording() {
        recordings.insert(ARecording.queued("r-1", "s-1", "t-1"));
        recordings.insert(ARecording.queued("r-2", "s-1", "t-1"));

        recordings.delete("r-1");
        recordings.delete("r-unknown");

        assertThat(recordings.find("r-1")).isEmpty();
        assertThat(recordings.find("r-2")).isPresent();
    }

    @Test
    void listsNewestFirstWithTheTotal() {
        insertCreatedAt("r-old", "t-1", 0);
        insertCreatedAt("r-new", "t-1", 20);
        insertCreatedAt("r-mid", "t-3", 10);

        Page<Recording> page = listed(query(RecordingScope.everything(), null, null, PageRequest.first()));

        assertThat(page.items()).extracting(Recording::id).containsExactly("r-new", "r-mid", "r-old");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.offset()).isZero();
        assertThat(page.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void namesEachRecordingsTeacherAsTheyAreNamedNow() {
        insertCreatedAt("r-1", "t-1", 0);
        insertCreatedAt("r-2", "t-2", 10);
        insertCreatedAt("r-3", "t-3", 20);
        User renamed = users.find("t-2").orElseThrow();
        users.update(new User(renamed.id(), renamed.schoolId(), renamed.email(), "Ms Renamed", renamed.role(),
                renamed.passwordHash(), renamed.active(), renamed.mustChangePassword(), renamed.createdAt(),
                renamed.externalId()));

        assertThat(recordings.list(query(RecordingScope.everything(), null, null, PageRequest.first())).items())
                .extracting(r -> r.recording().id(), ListedRecording::teacherName)
                .containsExactly(tuple("r-3", "Teacher t-3"), tuple("r-2", "Ms Renamed"), tuple("r-1", "Teacher t-1"));
    }

    @Test
    void pagesThroughAListing() {
        for (int i = 0; i < 7; i++) {
            insertCreatedAt("r-" + i, "t-1", i);
        }

        Page<Recording> second = listed(query(RecordingScope.everything(), null, null,
                new PageRequest(3, 3)));
        Page<Recording> last = listed(query(RecordingScope.everything(), null, null,
                new PageRequest(6, 3)));
        Page<Recording> beyond = listed(query(RecordingScope.everything(), null, null,
                new PageRequest(10, 3)));

        assertThat(second.items()).extracting(Recording::id).containsExactly("r-3", "r-2", "r-1");
        assertThat(second.total()).isEqualTo(7);
        assertThat(second.offset()).isEqualTo(3);
        assertThat(second.limit()).isEqualTo(3);
        assertThat(last.items()).extracting(Recording::id).containsExactly("r-0");
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void capsTheCountPastThePagesOffsetWhenAsked() {
        for (int i = 0; i < 7; i++) {
            insertCreatedAt("r-" + i, "t-1", i);
        }

        Page<Recording> capped = listed(new RecordingQuery(RecordingScope.everything(), null, Set.of(),
                new PageRequest(0, 3), RecordingSearch.NONE, 4));
        Page<Recording> cappedFurther = listed(new RecordingQuery(RecordingScope.everything(), null,
                Set.of(), new PageRequest(2, 3), RecordingSearch.NONE, 4));
        Page<Recording> underTheCap = listed(new RecordingQuery(RecordingScope.everything(), null,
                Set.of(), new PageRequest(3, 3), RecordingSearch.NONE, 4));
        Page<Recording> atTheCap = listed(new RecordingQuery(RecordingScope.school("s-1"), null,
                Set.of(), new PageRequest(0, 7), RecordingSearch.NONE, 7));

        assertThat(capped.items()).extracting(Recording::id).containsExactly("r-6", "r-5", "r-4");
        assertThat(capped.total()).isEqualTo(4);
        assertThat(capped.totalCapped()).isTrue();
        assertThat(cappedFurther.total()).isEqualTo(6);
        assertThat(cappedFurther.totalCapped()).isTrue();
        assertThat(underTheCap.total()).isEqualTo(7);
        assertThat(underTheCap.totalCapped()).isFalse();
        assertThat(atTheCap.total()).isEqualTo(7);
        assertThat(atTheCap.totalCapped()).isFalse();
    }

    @Test
    void listsWithinAScope() {
        insertCreatedAt("r-1", "t-1", 1);
        insertCreatedAt("r-2", "t-2", 2);
        insertCreatedAt("r-3", "t-3", 3);

        assertThat(ids(query(RecordingScope.school("s-1"), null, null, PageRequest.first())))
                .containsExactly("r-2", "r-1");
        assertThat(ids(query(RecordingScope.school("s-2"), null, null, PageRequest.first())))
                .containsExactly("r-3");
        assertThat(ids(query(RecordingScope.teacher("t-2"), null, null, PageRequest.first())))
                .containsExactly("r-2");
        assertThat(recordings.list(query(RecordingScope.school("s-1"), null, null, PageRequest.first())).total())
                .isEqualTo(2);
    }

    @Test
    void narrowsAScopeByTeacherAndStatus() {
        recordings.insert(ARecording.of("r-1", "s-1", "t-1").createdAt(minutesAfterT0(1)).build());
        recordings.insert(ARecording.of("r-2", "s-1", "t-1").createdAt(minutesAfterT0(2))
                .status(RecordingStatus.COMPLETED).build());
        recordings.insert(ARecording.of("r-3", "s-1", "t-2").createdAt(minutesAfterT0(3))
                .status(RecordingStatus.COMPLETED).build());
        recordings.insert(ARecording.of("r-4", "s-2", "t-3").createdAt(minutesAfterT0(4))
                .status(RecordingStatus.COMPLETED).build());

        assertThat(ids(query(RecordingScope.school("s-1"), "t-1", null, PageRequest.first())))
                .containsExactly("r-2", "r-1");
        assertThat(ids(query(RecordingScope.school("s-1"), null, RecordingStatus.COMPLETED, PageRequest.first())))
                .containsExactly("r-3", "r-2");
        assertThat(ids(query(RecordingScope.everything(), null, RecordingStatus.COMPLETED, PageRequest.first())))
                .containsExactly("r-4", "r-3", "r-2");
        assertThat(ids(query(RecordingScope.school("s-1"), "t-1", RecordingStatus.COMPLETED, PageRequest.first())))
                .containsExactly("r-2");
        Page<Recording> page = listed(query(RecordingScope.everything(), null, RecordingStatus.COMPLETED,
                new PageRequest(0, 1)));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(Recording::id).containsExactly("r-4");
    }

    @Test
    void matchesAnyOfSeveralStatuses() {
        recordings.insert(ARecording.of("r-1", "s-1", "t-1").createdAt(minutesAfterT0(1))
                .status(RecordingStatus.QUEUED).build());
        recordings.insert(ARecording.of("r-2", "s-1", "t-1").createdAt(minutesAfterT0(2))
                .status(RecordingStatus.PROCESSING).build());
        recordings.insert(ARecording.of("r-3", "s-1", "t-1").createdAt(minutesAfterT0(3))
                .status(RecordingStatus.COMPLETED).build());
        recordings.insert(ARecording.of("r-4", "s-1", "t-1").createdAt(minutesAfterT0(4))
                .status(RecordingStatus.FAILED).build());

        Page<Recording> unfinished = listed(new RecordingQuery(RecordingScope.school("s-1"), null,
                EnumSet.of(RecordingStatus.QUEUED, RecordingStatus.PROCESSING, RecordingStatus.TRANSCRIBED),
                PageRequest.first(), RecordingSearch.NONE));

        assertThat(unfinished.items()).extracting(Recording::id).containsExactly("r-2", "r-1");
        assertThat(unfinished.total()).isEqualTo(2);
    }

    @Test
    void aFilterNeverWidensTheScope() {
        insertCreatedAt("r-1", "t-1", 1);
        insertCreatedAt("r-3", "t-3", 3);

        Page<Recording> otherSchoolsTeacher = listed(query(RecordingScope.school("s-1"), "t-3", null,
                PageRequest.first()));
        Page<Recording> otherTeacher = listed(query(RecordingScope.teacher("t-1"), "t-3", null,
                PageRequest.first()));

        assertThat(otherSchoolsTeacher.items()).isEmpty();
        assertThat(otherSchoolsTeacher.total()).isZero();
        assertThat(otherTeacher.items()).isEmpty();
    }

    @Test
    void findsByStatus() {
        recordings.insert(ARecording.of("r-1", "s-1", "t-1").status(RecordingStatus.QUEUED).build());
        recordings.insert(ARecording.of("r-2", "s-1", "t-1").status(RecordingStatus.PROCESSING).build());
        recordings.insert(ARecording.of("r-3", "s-2", "t-3").status(RecordingStatus.TRANSCRIBED).build());
        recordings.insert(ARecording.of("r-4", "s-1", "t-1").status(RecordingStatus.COMPLETED).build());
        recordings.insert(ARecording.of("r-5", "s-1", "t-1").status(RecordingStatus.FAILED).build());

        assertThat(recordings.findByStatus(EnumSet.of(RecordingStatus.QUEUED, RecordingStatus.PROCESSING,
                RecordingStatus.TRANSCRIBED))).extracting(Recording::id).containsExactlyInAnyOrder("r-1", "r-2", "r-3");
        assertThat(recordings.findByStatus(Set.of(RecordingStatus.FAILED))).extracting(Recording::id)
                .containsExactly("r-5");
        assertThat(recordings.findByStatus(Set.of(RecordingStatus.UPLOADING))).isEmpty();
        assertThat(recordings.findByStatus(Set.of())).isEmpty();
    }

    @Test
    void findsTheAudioToPurge() {
        Instant cutoff = minutesAfterT0(60);
        recordings.insert(completed("r-due").finishedAt(minutesAfterT0(59)).build());
        recordings.insert(completed("r-at-cutoff").finishedAt(cutoff).build());
        recordings.insert(completed("r-recent").finishedAt(minutesAfterT0(61)).build());
        recordings.insert(completed("r-purged").finishedAt(minutesAfterT0(1)).audioDeletedAt(minutesAfterT0(2))
                .build());
        recordings.insert(ARecording.of("r-failed", "s-1", "t-1").status(RecordingStatus.FAILED)
                .finishedAt(minutesAfterT0(1)).build());
        recordings.insert(ARecording.of("r-other-school", "s-2", "t-3").status(RecordingStatus.COMPLETED)
                .finishedAt(minutesAfterT0(1)).build());

        assertThat(recordings.findAudioToPurge("s-1", cutoff)).extracting(Recording::id).containsExactly("r-due");
        assertThat(recordings.findAudioToPurge("s-1", cutoff).get(0))
                .isEqualTo(recordings.find("r-due").orElseThrow());
        assertThat(recordings.findAudioToPurge("s-2", cutoff)).extracting(Recording::id)
                .containsExactly("r-other-school");
    }

    @Test
    void findsStaleUploads() {
        Instant cutoff = minutesAfterT0(60);
        recordings.insert(uploading("r-stale", 59));
        recordings.insert(uploading("r-at-cutoff", 60));
        recordings.insert(uploading("r-busy", 61));
        recordings.insert(ARecording.of("r-queued", "s-1", "t-1").createdAt(minutesAfterT0(1)).build());

        assertThat(recordings.findStaleUploads(cutoff)).extracting(Recording::id).containsExactly("r-stale");
        assertThat(recordings.findStaleUploads(cutoff).get(0)).isEqualTo(uploading("r-stale", 59));
    }

    @Test
    void ofTheAudioKeysAskedAboutTellsWhichARecordingNamesInAnyState() {
        recordings.insert(uploading("r-arriving", 1));
        recordings.insert(completed("r-done").build());
        recordings.insert(completed("r-gone").build());
        recordings.delete("r-gone");

        assertThat(recordings.namingAudio(List.of("r-arriving", "r-done", "r-gone", "never-a-recording")))
                .containsExactlyInAnyOrder("r-arriving", "r-done");
        assertThat(recordings.namingAudio(List.of())).isEmpty();
    }

    private Recording uploading(String id, int minutes) {
        return ARecording.of(id, "s-1", "t-1").status(RecordingStatus.UPLOADING).createdAt(minutesAfterT0(minutes))
                .build();
    }

    private static ARecording completed(String id) {
        return ARecording.of(id, "s-1", "t-1").status(RecordingStatus.COMPLETED).progress(100);
    }

    private void insertCreatedAt(String id, String teacherId, int minutes) {
        String schoolId = teacherId.equals("t-3") ? "s-2" : "s-1";
        recordings.insert(ARecording.of(id, schoolId, teacherId).createdAt(minutesAfterT0(minutes)).build());
    }

    private static RecordingQuery query(RecordingScope scope, String teacherId, RecordingStatus status,
                                        PageRequest page) {
        return new RecordingQuery(scope, teacherId, status == null ? Set.of() : Set.of(status), page,
                RecordingSearch.NONE);
    }

    private Page<Recording> listed(RecordingQuery query) {
        return recordings.list(query).map(ListedRecording::recording);
    }

    private List<String> ids(RecordingQuery query) {
        return listed(query).items().stream().map(Recording::id).toList();
    }
}

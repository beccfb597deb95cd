package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.classreflect.core.admin.RecordedAudio;
import org.classreflect.core.admin.SchoolCounts;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UsageStatistics} adapter must count, read from the stores it shares a database with. */
public abstract class UsageStatisticsContract {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");

    /** Empty stores over one database, and the statistics read from it. */
    public record Stores(Schools schools, Users users, Recordings recordings, UsageStatistics statistics) {
    }

    private Stores stores;

    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Primary"));
        stores.schools().insert(ASchool.named("s-3", "Ash Primary"));
        stores.users().insert(AUser.teacher("t-1", "s-1"));
        stores.users().insert(AUser.teacher("t-2", "s-1"));
        stores.users().insert(AUser.manager("m-1", "s-1"));
        stores.users().insert(AUser.teacher("t-3", "s-2"));
        stores.users().insert(AUser.superAdmin("a-1"));
    }

    @Test
    void countsTeachersManagersAndRecordingsPerSchool() {
        stores.recordings().insert(ARecording.queued("r-1", "s-1", "t-1"));
        stores.recordings().insert(ARecording.queued("r-2", "s-1", "t-2"));
        stores.recordings().insert(ARecording.queued("r-3", "s-2", "t-3"));

        var counts = stores.statistics().countsBySchool();

        assertThat(counts.get("s-1")).isEqualTo(new SchoolCounts(2, 1, 2));
        assertThat(counts.get("s-2")).isEqualTo(new SchoolCounts(1, 0, 1));
        assertThat(counts.getOrDefault("s-3", SchoolCounts.NONE)).isEqualTo(SchoolCounts.NONE);
    }

    @Test
    void readsTheRecordingsUploadedSinceAnInstantWithTheirLengths() {
        Recording before = ARecording.of("r-0", "s-1", "t-1").createdAt(MARCH.minusMillis(1)).build();
        Recording onTheDot = ARecording.of("r-1", "s-1", "t-1").createdAt(MARCH).status(RecordingStatus.COMPLETED)
                .build().withDuration(2700.5);
        Recording unmeasured = ARecording.of("r-2", "s-2", "t-3").createdAt(MARCH.plusSeconds(86_400)).build();
        Recording stillUploading = ARecording.of("r-3", "s-2", "t-3").createdAt(MARCH.plusSeconds(60))
                .status(RecordingStatus.UPLOADING).build();
        for (Recording r : new Recording[] {before, onTheDot, unmeasured, stillUploading}) {
            stores.recordings().insert(r);
        }

        assertThat(stores.statistics().recordedSince(MARCH)).containsExactlyInAnyOrder(
                new RecordedAudio("s-1", MARCH, 2700.5),
                new RecordedAudio("s-2", MARCH.plusSeconds(86_400), null));
    }
}

package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingChanges;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link RecordingChanges} feed must report: every insert, change of status or progress and deletion made
 * through the {@link Recordings} store after the cursor, with the recording's state after the change.
 */
public abstract class RecordingChangesContract {

    public record Stores(Schools schools, Users users, Recordings recordings, RecordingChanges changes) {
    }

    private Recordings recordings;
    private RecordingChanges changes;

    protected abstract Stores emptyStores();

    @BeforeEach
    void setUp() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.users().insert(AUser.teacher("t-1", "s-1"));
        recordings = stores.recordings();
        changes = stores.changes();
    }

    @Test
    void reportsARecordingInsertedAfterTheStartEvenIntoAnEmptyStore() {
        RecordingChanges.Cursor start = changes.start();
        recordings.insert(ARecording.queued("r-1", "s-1", "t-1"));

        RecordingChanges.Batch batch = changes.poll(start);

        assertThat(batch.changed()).extracting(Recording::id).containsExactly("r-1");
        assertThat(batch.deleted()).isEmpty();
    }

    @Test
    void reportsStatusAndProgressChangesWithTheNewState() {
        Recording queued = ARecording.queued("r-1", "s-1", "t-1");
        recordings.insert(queued);
        RecordingChanges.Cursor cursor = changes.poll(changes.start()).next();

        Recording processing = queued.startAttempt(queued.createdAt().plusSeconds(5));
        assertThat(recordings.update(processing, RecordingStatus.QUEUED)).isTrue();
        RecordingChanges.Batch afterStart = changes.poll(cursor);
        assertThat(afterStart.changed()).last().isEqualTo(processing);

        recordings.updateProgress("r-1", 40);
        RecordingChanges.Batch afterProgress = changes.poll(afterStart.next());
        assertThat(afterProgress.changed()).last().extracting(Recording::progressPercent).isEqualTo(40);
    }

    @Test
    void reportsADeletionWithWhoseRecordingItWas() {
        recordings.insert(ARecording.queued("r-1", "s-1", "t-1"));
        RecordingChanges.Cursor cursor = changes.poll(changes.start()).next();

        recordings.delete("r-1");
        RecordingChanges.Batch batch = changes.poll(cursor);

        assertThat(batch.deleted()).containsExactly(new RecordingChanges.Deleted("r-1", "s-1", "t-1"));
        assertThat(recordings.find("r-1")).isEmpty();
    }
}

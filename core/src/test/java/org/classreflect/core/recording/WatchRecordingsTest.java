package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.junit.jupiter.api.Test;

class WatchRecordingsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor TEACHER_1 = new Actor("t-1", Role.TEACHER, "s-1");
    private static final Actor TEACHER_2 = new Actor("t-2", Role.TEACHER, "s-1");
    private static final Actor MANAGER_2 = new Actor("m-2", Role.SCHOOL_MANAGER, "s-2");

    /** A feed that hands out scripted batches and counts how often the store was read. */
    private static final class ScriptedChanges implements RecordingChanges {
        final List<Batch> batches = new ArrayList<>();
        int reads;

        @Override
        public Cursor start() {
            reads++;
            return new Cursor(T0, T0);
        }

        @Override
        public Batch poll(Cursor since) {
            reads++;
            return batches.isEmpty() ? new Batch(List.of(), List.of(), since) : batches.remove(0);
        }
    }

    private final ScriptedChanges changes = new ScriptedChanges();
    private final WatchRecordings watch = new WatchRecordings(changes, new AccessPolicy());

    private static Recording queued(String id) {
        return Recording.startUpload(id, "s-1", "t-1", RecordingMetadata.NONE, "a.wav", "audio/wav", T0)
                .uploaded(10, "ab".repeat(32), T0);
    }

    private void feed(List<Recording> changed, List<RecordingChanges.Deleted> deleted) {
        changes.batches.add(new RecordingChanges.Batch(changed, deleted, new RecordingChanges.Cursor(T0, T0)));
    }

    @Test
    void readsTheStoreOnlyWhileSomeoneListensAndOncePerRoundForAll() {
        watch.poll();
        assertThat(changes.reads).isZero();

        List<WatchRecordings.Event> a = new ArrayList<>();
        List<WatchRecordings.Event> b = new ArrayList<>();
        var first = watch.subscribe(TEACHER_1, a::add);
        var second = watch.subscribe(TEACHER_1, b::add);
        watch.poll();
        assertThat(changes.reads).isEqualTo(2); // start + one poll for both

        first.close();
        second.close();
        watch.poll();
        assertThat(changes.reads).isEqualTo(2);
    }

    @Test
    void tellsEachSubscriberOnlyWhatItsActorMaySee() {
        List<WatchRecordings.Event> owner = new ArrayList<>();
        List<WatchRecordings.Event> colleague = new ArrayList<>();
        List<WatchRecordings.Event> otherSchool = new ArrayList<>();
        watch.subscribe(TEACHER_1, owner::add);
        watch.subscribe(TEACHER_2, colleague::add);
        watch.subscribe(MANAGER_2, otherSchool::add);
        feed(List.of(queued("r-1")), List.of(new RecordingChanges.Deleted("r-0", "s-1", "t-1")));

        watch.poll();

        assertThat(owner).containsExactly(new WatchRecordings.Changed(queued("r-1")),
                new WatchRecordings.Deleted("r-0"));
        assertThat(colleague).isEmpty();
        assertThat(otherSchool).isEmpty();
    }

    @Test
    void passesARepeatedReportOnOnceButEveryNewStateOfTheSameRecording() {
        List<WatchRecordings.Event> events = new ArrayList<>();
        watch.subscribe(TEACHER_1, events::add);
        Recording queued = queued("r-1");
        Recording processing = queued.startAttempt(T0.plusSeconds(1));
        feed(List.of(queued), List.of(new RecordingChanges.Deleted("r-0", "s-1", "t-1")));
        feed(List.of(queued), List.of(new RecordingChanges.Deleted("r-0", "s-1", "t-1")));
        feed(List.of(queued, processing), List.of());

        watch.poll();
        watch.poll();
        watch.poll();

        assertThat(events).containsExactly(new WatchRecordings.Changed(queued), new WatchRecordings.Deleted("r-0"),
                new WatchRecordings.Changed(processing));
    }

    @Test
    void dropsASubscriberWhoseListenerFails() {
        watch.subscribe(TEACHER_1, e -> {
            throw new IllegalStateException("client went away");
        });
        feed(List.of(queued("r-1")), List.of());

        watch.poll();

        assertThat(watch.subscribers()).isZero();
    }
}

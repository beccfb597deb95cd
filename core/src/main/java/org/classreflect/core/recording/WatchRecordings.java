package org.classreflect.core.recording;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.RecordingScope;

/**
 * One shared watcher over the recordings store, fanning each change out to the subscribers allowed to see it. Someone
 * calls {@link #poll()} on a schedule; it reads the store only while somebody is subscribed, one query per round
 * however many subscribers there are. A change the store reports twice is passed on once.
 */
@Singleton
public final class WatchRecordings {

    /** What a subscriber hears. */
    public sealed interface Event {
        String recordingId();
    }

    public record Changed(Recording recording) implements Event {
        @Override
        public String recordingId() {
            return recording.id();
        }
    }

    public record Deleted(String recordingId) implements Event {
    }

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Subscriber(RecordingScope scope, Consumer<Event> listener) {
    }

    private final RecordingChanges changes;
    private final AccessPolicy policy;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private RecordingChanges.Cursor cursor;
    private Map<String, Recording> lastReported = Map.of();
    private Set<String> lastDeleted = Set.of();

    @Inject
    public WatchRecordings(RecordingChanges changes, AccessPolicy policy) {
        this.changes = changes;
        this.policy = policy;
    }

    /**
     * Subscribes to the changes the actor may see. Every change after this call is reported (a listener that
     * throws is dropped). A listener must be quick: it runs on the polling thread.
     */
    public synchronized Subscription subscribe(Actor actor, Consumer<Event> listener) {
        if (cursor == null) {
            cursor = changes.start();
        }
        Subscriber subscriber = new Subscriber(policy.recordingScope(actor), listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** One round: reads what changed since the last round and tells each subscriber what it may see. */
    public synchronized void poll() {
        if (subscribers.isEmpty()) {
            cursor = null;
            return;
        }
        RecordingChanges.Batch batch = changes.poll(cursor);
        cursor = batch.next();
        Map<String, Recording> reported = new HashMap<>();
        for (Recording r : batch.changed()) {
            reported.put(r.id(), r);
            if (!r.equals(lastReported.get(r.id()))) {
                tell(r.schoolId(), r.teacherId(), new Changed(r));
            }
        }
        Set<String> deleted = new HashSet<>();
        for (RecordingChanges.Deleted d : batch.deleted()) {
            deleted.add(d.id());
            if (!lastDeleted.contains(d.id())) {
                tell(d.schoolId(), d.teacherId(), new Deleted(d.id()));
            }
        }
        lastReported = reported;
        lastDeleted = deleted;
    }

    private void tell(String schoolId, String teacherId, Event event) {
        for (Subscriber s : subscribers) {
            if (s.scope().includes(schoolId, teacherId)) {
                try {
                    s.listener().accept(event);
                } catch (RuntimeException e) {
                    subscribers.remove(s);
                }
            }
        }
    }
}

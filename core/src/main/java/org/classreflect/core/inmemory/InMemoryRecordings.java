package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.classreflect.core.common.Page;
import org.classreflect.core.recording.ListedRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.User;

/**
 * Recordings in memory. Each one's school and teacher must exist; status updates are compare-and-set; every insert,
 * change of value and deletion goes to the change log the change feed reads.
 */
final class InMemoryRecordings implements Recordings {

    private static final Comparator<Recording> OLDEST_FIRST = Comparator.comparing(Recording::createdAt)
            .thenComparing(Recording::id, BinaryCollation.ORDER);
    private static final Comparator<Recording> NEWEST_FIRST = OLDEST_FIRST.reversed();
    private static final Comparator<Recording> FIRST_FINISHED = Comparator.comparing(Recording::finishedAt)
            .thenComparing(Recording::id, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final InMemorySchools schools;
    private final InMemoryUsers users;
    private final InMemoryTranscripts transcripts;
    private final RecordingChangeLog changeLog;
    private final Map<String, Recording> byId = new HashMap<>();

    InMemoryRecordings(StoreLock lock, InMemorySchools schools, InMemoryUsers users, InMemoryTranscripts transcripts,
                       RecordingChangeLog changeLog) {
        this.lock = lock;
        this.schools = schools;
        this.users = users;
        this.transcripts = transcripts;
        this.changeLog = changeLog;
    }

    @Override
    public void insert(Recording recording) {
        lock.write(() -> {
            require(!byId.containsKey(recording.id()), "recordings: id " + recording.id() + " is taken");
            requireReferences(recording);
            byId.put(recording.id(), stored(recording));
            changeLog.changed(recording.id());
        });
    }

    @Override
    public Optional<Recording> find(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public boolean update(Recording recording, RecordingStatus expected) {
        return lock.write(() -> {
            Recording current = byId.get(recording.id());
            if (current == null || current.status() != expected) {
                return false;
            }
            requireReferences(recording);
            replace(stored(recording));
            return true;
        });
    }

    @Override
    public void updateProgress(String id, int percent) {
        lock.write(() -> {
            Recording current = byId.get(id);
            if (current != null && current.status() == RecordingStatus.PROCESSING) {
                replace(current.withProgress(percent));
            }
        });
    }

    @Override
    public void delete(String id) {
        lock.write(() -> {
            Recording removed = byId.remove(id);
            if (removed != null) {
                changeLog.deleted(removed);
            }
        });
    }

    @Override
    public Page<ListedRecording> list(RecordingQuery query) {
        if (query.search().text() != null) {
            throw new IllegalArgumentException("a text search is RecordingTextSearch's");
        }
        return matching(query);
    }

    /** Every recording the query selects, its search text included, newest first, with its teacher's name. */
    Page<ListedRecording> matching(RecordingQuery query) {
        return lock.read(() -> {
            List<Recording> matches = byId.values().stream().filter(new RecordingFilter(query, transcripts))
                    .sorted(NEWEST_FIRST).toList();
            return query.page(matches.stream().skip(query.page().offset()).limit(query.page().limit())
                    .map(r -> new ListedRecording(r, users.find(r.teacherId()).map(User::displayName).orElse(null)))
                    .toList(), matches.size());
        });
    }

    @Override
    public List<Recording> findByStatus(Set<RecordingStatus> statuses) {
        return select(r -> statuses.contains(r.status()), OLDEST_FIRST);
    }

    @Override
    public List<Recording> findAudioToPurge(String schoolId, Instant cutoff) {
        Instant before = Millis.of(cutoff);
        return select(r -> r.schoolId().equals(schoolId) && r.status() == RecordingStatus.COMPLETED
                && r.audioDeletedAt() == null && r.finishedAt() != null && r.finishedAt().isBefore(before),
                FIRST_FINISHED);
    }

    @Override
    public List<Recording> findStaleUploads(Instant cutoff) {
        Instant before = Millis.of(cutoff);
        return select(r -> r.status() == RecordingStatus.UPLOADING && r.createdAt().isBefore(before), OLDEST_FIRST);
    }

    @Override
    public Set<String> namingAudio(Collection<String> audioKeys) {
        return lock.read(() -> {
            Set<String> named = new java.util.HashSet<>();
            for (Recording r : byId.values()) {
                if (audioKeys.contains(r.audioKey())) {
                    named.add(r.audioKey());
                }
            }
            return named;
        });
    }

    /** The caller holds the lock. */
    boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The recording, or null when there is none. The caller holds the lock. */
    Recording row(String id) {
        return byId.get(id);
    }

    /** The caller holds the lock, and reads the view only while it does. */
    Collection<Recording> rows() {
        return Collections.unmodifiableCollection(byId.values());
    }

    private List<Recording> select(Predicate<Recording> condition, Comparator<Recording> order) {
        return lock.read(() -> byId.values().stream().filter(condition).sorted(order).toList());
    }

    /** Like the database's changed_at, only a change of value counts as a change. */
    private void replace(Recording next) {
        if (!next.equals(byId.put(next.id(), next))) {
            changeLog.changed(next.id());
        }
    }

    private void requireReferences(Recording r) {
        require(schools.has(r.schoolId()), "recordings: no school " + r.schoolId());
        require(users.has(r.teacherId()), "recordings: no user " + r.teacherId());
    }

    private static Recording stored(Recording r) {
        return new Recording(r.id(), r.schoolId(), r.teacherId(), r.metadata(), r.originalFileName(),
                r.contentType(), r.sizeBytes(), r.durationSeconds(), r.sha256(), r.status(), r.progressPercent(),
                r.attempts(), r.errorMessage(), Millis.of(r.createdAt()), Millis.of(r.queuedAt()),
                Millis.of(r.startedAt()), Millis.of(r.finishedAt()), Millis.of(r.audioDeletedAt()));
    }

    /** Whether any recording is the user's, or the school's; the caller holds the lock. */
    boolean anyOf(String userId, String schoolId) {
        return byId.values().stream().anyMatch(r -> r.teacherId().equals(userId) || r.schoolId().equals(schoolId));
    }
}

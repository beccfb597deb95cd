package org.classreflect.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;

/**
 * Transcripts in memory, at most one per recording that exists: a second save, or one for a gone recording, changes
 * nothing.
 */
final class InMemoryTranscripts implements Transcripts {

    private final StoreLock lock;
    private final Predicate<String> recordingExists;
    private final Map<String, Transcript> byRecording = new HashMap<>();

    /** @param recordingExists asked while this store's lock is held */
    InMemoryTranscripts(StoreLock lock, Predicate<String> recordingExists) {
        this.lock = lock;
        this.recordingExists = recordingExists;
    }

    @Override
    public boolean saveIfAbsent(Transcript t) {
        Transcript stored = new Transcript(t.recordingId(), t.text(), t.language(), t.engine(), t.modelId(),
                t.segments(), t.words(), t.wordCount(), t.meanConfidence(), t.processingSeconds(), t.audioSeconds(),
                Millis.of(t.createdAt()));
        return lock.write(() -> recordingExists.test(t.recordingId())
                && byRecording.putIfAbsent(t.recordingId(), stored) == null);
    }

    @Override
    public Optional<Transcript> find(String recordingId) {
        return lock.read(() -> Optional.ofNullable(byRecording.get(recordingId)));
    }

    @Override
    public void delete(String recordingId) {
        lock.write(() -> byRecording.remove(recordingId));
    }

    /** The recording's transcript text, or null when it has none. The caller holds the lock. */
    String textOf(String recordingId) {
        Transcript transcript = byRecording.get(recordingId);
        return transcript == null ? null : transcript.text();
    }
}

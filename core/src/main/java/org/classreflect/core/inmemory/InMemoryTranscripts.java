package org.classreflect.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.Transcripts;

/** Transcripts in memory, at most one per recording: a second save changes nothing. */
final class InMemoryTranscripts implements Transcripts {

    private final StoreLock lock;
    private final Map<String, Transcript> byRecording = new HashMap<>();

    InMemoryTranscripts(StoreLock lock) {
        this.lock = lock;
    }

    @Override
    public boolean saveIfAbsent(Transcript t) {
        Transcript stored = new Transcript(t.recordingId(), t.text(), t.language(), t.engine(), t.modelId(),
                t.segments(), t.words(), t.wordCount(), t.meanConfidence(), t.processingSeconds(), t.audioSeconds(),
                Millis.of(t.createdAt()));
        return lock.write(() -> byRecording.putIfAbsent(t.recordingId(), stored) == null);
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

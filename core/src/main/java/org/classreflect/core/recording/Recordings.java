package org.classreflect.core.recording;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.classreflect.core.common.Page;

/** Port: where recordings are kept. The source of truth for every job's state. */
public interface Recordings {

    void insert(Recording recording);

    Optional<Recording> find(String id);

    /**
     * Writes the new state only if the stored recording still has {@code expected} status (compare and set), so two
     * workers, or a worker and a user, can never overwrite each other's change of status.
     */
    boolean update(Recording recording, RecordingStatus expected);

    /** Sets the progress of a recording that is processing; does nothing in any other state. */
    void updateProgress(String id, int percent);

    void delete(String id);

    /**
     * Newest first, each with its teacher's name. A query with search text is {@link RecordingTextSearch}'s: this
     * refuses it.
     */
    Page<ListedRecording> list(RecordingQuery query);

    List<Recording> findByStatus(Set<RecordingStatus> statuses);

    /** The school's completed recordings finished before {@code cutoff} whose audio is still stored. */
    List<Recording> findAudioToPurge(String schoolId, Instant cutoff);

    /** Uploads that started before {@code cutoff} and never finished (their process died mid-upload). */
    List<Recording> findStaleUploads(Instant cutoff);

    /** Of these audio keys, the ones a recording names ({@link Recording#audioKey()}), whatever its state. */
    Set<String> namingAudio(Collection<String> audioKeys);
}

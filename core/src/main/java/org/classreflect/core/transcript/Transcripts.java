package org.classreflect.core.transcript;

import java.util.Optional;

/** Port: where transcripts are kept, one per recording. */
public interface Transcripts {

    /**
     * Stores the transcript unless the recording already has one or no longer exists. Returns false (and changes
     * nothing) in either case: a job delivered twice can never produce a second transcript, and a worker that
     * finishes a lesson deleted or erased meanwhile leaves nothing behind. The check and the save are one step, so
     * a recording deleted at the same moment either stops the save or waits for it (and its deletion of the
     * transcript then removes what was saved).
     */
    boolean saveIfAbsent(Transcript transcript);

    Optional<Transcript> find(String recordingId);

    void delete(String recordingId);
}

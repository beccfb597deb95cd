package org.classreflect.core.transcript;

import java.util.Optional;

/** Port: where transcripts are kept, one per recording. */
public interface Transcripts {

    /**
     * Stores the transcript unless the recording already has one. Returns false (and changes nothing) when it had,
     * so a job delivered twice can never produce a second transcript.
     */
    boolean saveIfAbsent(Transcript transcript);

    Optional<Transcript> find(String recordingId);

    void delete(String recordingId);
}

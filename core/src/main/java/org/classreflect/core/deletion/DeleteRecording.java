package org.classreflect.core.deletion;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.school.Actor;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.transcript.Transcripts;

/**
 * Deletes a recording with everything it owns: audio (stored and scratch copies), transcript, analyses and row. The
 * audio goes first and the row last, so a failure part-way leaves a row the user can see and delete again (and an
 * erasure finds again), never audio that nobody can reach. The transcript is deleted again after the row: a worker
 * that saved one in between (it was transcribing the lesson) leaves none behind; after the row is gone no save
 * succeeds ({@link Transcripts#saveIfAbsent}).
 */
public final class DeleteRecording {

    private final GetRecording getRecording;
    private final Recordings recordings;
    private final Transcripts transcripts;
    private final Analyses analyses;
    private final AudioStore audioStore;
    private final ScratchCopies scratch;

    @Inject
    public DeleteRecording(GetRecording getRecording, Recordings recordings, Transcripts transcripts,
                           Analyses analyses, AudioStore audioStore, ScratchCopies scratch) {
        this.getRecording = getRecording;
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.analyses = analyses;
        this.audioStore = audioStore;
        this.scratch = scratch;
    }

    public Result<Recording> execute(Actor actor, String recordingId) {
        return getRecording.execute(actor, recordingId).map(recording -> {
            remove(recording);
            return recording;
        });
    }

    /** Removes the recording and what it owns, without asking who may: for callers that have (an erasure). */
    public void remove(Recording recording) {
        try {
            audioStore.delete(recording.audioKey());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the audio of recording " + recording.id(), e);
        }
        scratch.deleteFor(recording.id());
        analyses.deleteForRecording(recording.id());
        transcripts.delete(recording.id());
        recordings.delete(recording.id());
        transcripts.delete(recording.id());
    }
}

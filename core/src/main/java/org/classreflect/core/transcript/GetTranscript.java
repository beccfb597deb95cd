package org.classreflect.core.transcript;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.school.Actor;

public final class GetTranscript {

    private final GetRecording getRecording;
    private final Transcripts transcripts;

    @Inject
    public GetTranscript(GetRecording getRecording, Transcripts transcripts) {
        this.getRecording = getRecording;
        this.transcripts = transcripts;
    }

    public Result<Transcript> execute(Actor actor, String recordingId) {
        return getRecording.execute(actor, recordingId).flatMap(recording -> transcripts.find(recording.id())
                .<Result<Transcript>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound(
                        "transcript (the recording is " + recording.status().wireName() + ")"))));
    }
}

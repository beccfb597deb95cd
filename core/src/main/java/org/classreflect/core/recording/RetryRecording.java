package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.time.Clock;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;

public final class RetryRecording {

    private final GetRecording getRecording;
    private final Recordings recordings;
    private final JobQueue queue;
    private final Clock clock;

    @Inject
    public RetryRecording(GetRecording getRecording, Recordings recordings, JobQueue queue, Clock clock) {
        this.getRecording = getRecording;
        this.recordings = recordings;
        this.queue = queue;
        this.clock = clock;
    }

    public Result<Recording> execute(Actor actor, String recordingId) {
        return getRecording.execute(actor, recordingId).flatMap(this::retry);
    }

    private Result<Recording> retry(Recording recording) {
        if (!recording.status().canMoveTo(RecordingStatus.QUEUED) || recording.status() == RecordingStatus.UPLOADING) {
            return Result.rejected(Rejection.conflict("only a failed recording can be retried; this one is "
                    + recording.status().wireName()));
        }
        if (!recording.hasAudio()) {
            return Result.rejected(Rejection.conflict("the audio of this recording was deleted by the retention rule"));
        }
        Recording queued = recording.retried(clock.instant());
        if (!recordings.update(queued, recording.status())) {
            return Result.rejected(Rejection.conflict("the recording changed meanwhile; reload and try again"));
        }
        queue.enqueue(new Job(queued.id()));
        return Result.ok(queued);
    }
}

package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.util.EnumSet;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.storage.Job;
import org.classreflect.core.storage.JobQueue;

/**
 * On start-up, queues again every recording the database says is unfinished. The database is the source of truth; a
 * queue that lost its messages (an in-memory one after a crash) loses no work, and a duplicate is harmless.
 */
public final class RecoverUnfinishedJobs {

    private final Recordings recordings;
    private final JobQueue queue;

    @Inject
    public RecoverUnfinishedJobs(Recordings recordings, JobQueue queue) {
        this.recordings = recordings;
        this.queue = queue;
    }

    public int execute() {
        var unfinished = recordings.findByStatus(
                EnumSet.of(RecordingStatus.QUEUED, RecordingStatus.PROCESSING, RecordingStatus.TRANSCRIBED));
        unfinished.forEach(r -> queue.enqueue(new Job(r.id())));
        return unfinished.size();
    }
}

package org.classreflect.core.pipeline;

import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;

/**
 * On start-up, queues again every recording the database says is unfinished. The database is the source of truth; a
 * queue that lost its messages (an in-memory one after a crash) loses no work, and a duplicate is harmless.
 */
public final class RecoverUnfinishedJobs {

    private final Recordings recordings;
    private final Analyses analyses;
    private final JobQueue queue;

    @Inject
    public RecoverUnfinishedJobs(Recordings recordings, Analyses analyses, JobQueue queue) {
        this.recordings = recordings;
        this.analyses = analyses;
        this.queue = queue;
    }

    /**
     * Only for a process that is the sole worker of its database (local mode): an analysis left running belonged to
     * the process that died, so it is queued again; then every recording with unfinished work gets a job.
     */
    public int execute() {
        Set<String> ids = new LinkedHashSet<>();
        recordings.findByStatus(EnumSet.of(RecordingStatus.QUEUED, RecordingStatus.PROCESSING,
                RecordingStatus.TRANSCRIBED)).forEach(r -> ids.add(r.id()));
        for (Analysis a : analyses.listUnfinished()) {
            if (a.status() == AnalysisStatus.RUNNING) {
                analyses.update(a.retried(), AnalysisStatus.RUNNING);
            }
            ids.add(a.recordingId());
        }
        ids.forEach(id -> queue.enqueue(new Job(id)));
        return ids.size();
    }
}

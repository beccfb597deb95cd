package org.classreflect.core.pipeline;

/** What one turn of the worker did. */
public enum JobOutcome {
    /** No job arrived within the poll wait. */
    NO_JOB,
    /** The engine cannot work now (for example no model); no job was taken. */
    TRANSCRIBER_UNAVAILABLE,
    COMPLETED,
    /** The attempt failed and the job will be delivered again after a backoff. */
    RETRY_SCHEDULED,
    /** The job failed for the last time: the recording is failed and the message dead-lettered. */
    FAILED,
    /** The message was stale (recording deleted, already finished): acknowledged without work. */
    DISCARDED,
    /** The worker was asked to stop mid-job and handed the job back to the queue. */
    RELEASED,
    /** Another worker still holds an analysis of the recording: the job comes back when that hold ends. */
    DEFERRED
}

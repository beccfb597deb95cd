package org.classreflect.core.pipeline;

/** The stage after a recording's transcript is stored and the recording completed: its queued analyses. */
@FunctionalInterface
public interface AnalysisStage {

    /** Runs the recording's queued analyses; a failed analysis fails alone. Returns how many ran. */
    int runQueued(String recordingId);
}

package org.classreflect.core.analysis;

import java.time.Instant;

/** The stage after a recording's transcript is stored and the recording completed: its queued analyses. */
public interface AnalysisStage {

    /**
     * Whether {@link #runQueued}, called now, would find an analysis of the recording to run: one queued, or one
     * whose runner's lease ended. Before transcribing, the worker keeps the audio it decodes only when this holds.
     */
    boolean hasQueued(String recordingId);

    /**
     * Runs the recording's queued analyses, and takes over the running ones whose runner's lease ended (it died); a
     * failed analysis fails alone.
     */
    Report runQueued(String recordingId);

    /**
     * @param ran       how many analyses ran here
     * @param busyUntil when the lease ends of an analysis of the recording that another run still holds, the latest
     *                  if several (null: none); if that runner dies, whoever handles the recording after this time
     *                  takes the analysis over
     */
    record Report(int ran, Instant busyUntil) {

        public static final Report NOTHING = new Report(0, null);
    }
}

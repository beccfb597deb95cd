package org.classreflect.core.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where analyses are kept. Status changes are compare-and-set, and a running analysis is held by one run under a
 * lease, so two workers never run the same one at the same time, and a run that lost its hold never writes.
 */
public interface Analyses {

    void insert(Analysis analysis);

    Optional<Analysis> find(String id);

    /** The recording's analyses, oldest first. */
    List<Analysis> listForRecording(String recordingId);

    /** Analyses still queued or running, of any recording. */
    List<Analysis> listUnfinished();

    /** Removes every analysis of a recording (when the recording itself is deleted). */
    void deleteForRecording(String recordingId);

    /**
     * Replaces the stored analysis if its status is still {@code expected}; a running one only while the run named
     * by {@code analysis.runId()} still holds it. False when not.
     */
    boolean update(Analysis analysis, AnalysisStatus expected);

    /**
     * Stores {@code running} (a new run's claim) if the analysis is queued, or running under a lease that ended at
     * or before {@code now} (its runner died); false when it is not, or when another run claimed it first.
     */
    boolean claim(Analysis running, Instant now);

    /** Extends the lease of a running analysis while the run {@code runId} still holds it; false when it does not. */
    boolean renewLease(String id, String runId, Instant leaseUntil);

    /** A teacher's completed analyses of recordings that still exist, oldest lesson first. */
    List<Analysis> listCompletedForTeacher(String teacherId);

    /** A school's completed analyses of recordings that still exist, oldest lesson first. */
    List<Analysis> listCompletedForSchool(String schoolId);
}

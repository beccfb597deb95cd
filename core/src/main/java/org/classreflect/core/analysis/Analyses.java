package org.classreflect.core.analysis;

import java.util.List;
import java.util.Optional;

/** Port: where analyses are kept. Status changes are compare-and-set, so two workers never run the same one. */
public interface Analyses {

    void insert(Analysis analysis);

    Optional<Analysis> find(String id);

    /** The recording's analyses, oldest first. */
    List<Analysis> listForRecording(String recordingId);

    /** Analyses still queued or running, of any recording. */
    List<Analysis> listUnfinished();

    /** Removes every analysis of a recording (when the recording itself is deleted). */
    void deleteForRecording(String recordingId);

    /** Replaces the stored analysis if its status is still {@code expected}; false when it was not. */
    boolean update(Analysis analysis, AnalysisStatus expected);

    /** A teacher's completed analyses of recordings that still exist, oldest lesson first. */
    List<Analysis> listCompletedForTeacher(String teacherId);

    /** A school's completed analyses of recordings that still exist, oldest lesson first. */
    List<Analysis> listCompletedForSchool(String schoolId);
}

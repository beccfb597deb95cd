package org.classreflect.core.dataexport;

import java.util.List;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.transcript.Transcript;

/**
 * One lesson in an export: the recording's metadata, its transcript (null when it has none) and its analyses, with
 * scores left out when the school hides them from the reader.
 */
public record ExportedLesson(Recording recording, Transcript transcript, List<Analysis> analyses,
                             boolean scoresHidden, Integer scoreGoal) {
}

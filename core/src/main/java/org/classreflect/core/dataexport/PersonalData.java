package org.classreflect.core.dataexport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.classreflect.core.accesslog.ReadAccessLog;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.report.Progress;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;

/**
 * Everything held about a teacher or a school, read as it is written out: lessons and log entries come page by page,
 * so an export of any size holds one page in memory.
 */
public interface PersonalData {

    ExportKind kind();

    String subjectId();

    School school();

    /** The accounts: the teacher's own, or every account of the school. */
    List<User> accounts();

    long lessonCount();

    /** Each lesson, newest first. */
    void forEachLesson(Consumer<ExportedLesson> each);

    /** The stored audio, while it is kept. */
    Optional<InputStream> openAudio(Recording recording) throws IOException;

    /** The progress of each teacher among the accounts. */
    List<Progress> progress();

    /** The access log entries about the subject, newest first. */
    void forEachAccessEntry(Consumer<ReadAccessLog.Line> each);
}

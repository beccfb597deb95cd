package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.accesslog.AccessEntry;
import org.classreflect.core.accesslog.ReadAccessLog;

/** One access log entry as the API shows it, with the names of the people it names while their accounts exist. */
public record AccessEntryView(String id, Instant at, String actorId, String actorName, String actorRole,
                              String action, String targetKind, String targetId, String schoolId, String teacherId,
                              String teacherName, String from, String detail) {

    public static AccessEntryView of(ReadAccessLog.Line line) {
        AccessEntry e = line.entry();
        String actorName = line.actorName();
        String teacherName = line.teacherName();
        String actorRole = e.actorRole() == null ? null : e.actorRole().wireName();
        return new AccessEntryView(e.id(), e.at(), e.actorId(), actorName, actorRole,
                e.action().wireName(), e.targetKind().wireName(), e.targetId(), e.schoolId(), e.teacherId(),
                teacherName, e.fromAddress(), e.detail());
    }
}

package org.classreflect.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.admin.RecordedAudio;
import org.classreflect.core.admin.SchoolCounts;
import org.classreflect.core.admin.UsageStatistics;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;

/** Usage figures counted from the in-memory users and recordings. */
final class InMemoryUsageStatistics implements UsageStatistics {

    private final StoreLock lock;
    private final InMemoryUsers users;
    private final InMemoryRecordings recordings;

    InMemoryUsageStatistics(StoreLock lock, InMemoryUsers users, InMemoryRecordings recordings) {
        this.lock = lock;
        this.users = users;
        this.recordings = recordings;
    }

    /** As in SQL, a school appears once it has a user or a recording. */
    @Override
    public Map<String, SchoolCounts> countsBySchool() {
        return lock.read(() -> {
            Map<String, SchoolCounts> counts = new HashMap<>();
            for (User u : users.rows()) {
                if (u.schoolId() != null) {
                    counts.merge(u.schoolId(), new SchoolCounts(u.role() == Role.TEACHER ? 1 : 0,
                            u.role() == Role.SCHOOL_MANAGER ? 1 : 0, 0), InMemoryUsageStatistics::sum);
                }
            }
            for (Recording r : recordings.rows()) {
                counts.merge(r.schoolId(), new SchoolCounts(0, 0, 1), InMemoryUsageStatistics::sum);
            }
            return counts;
        });
    }

    @Override
    public List<RecordedAudio> recordedSince(Instant from) {
        Instant since = Millis.of(from);
        return lock.read(() -> recordings.rows().stream()
                .filter(r -> !r.createdAt().isBefore(since) && r.status() != RecordingStatus.UPLOADING)
                .sorted(Comparator.comparing(Recording::createdAt))
                .map(r -> new RecordedAudio(r.schoolId(), r.createdAt(), r.durationSeconds()))
                .toList());
    }

    private static SchoolCounts sum(SchoolCounts a, SchoolCounts b) {
        return new SchoolCounts(a.teachers() + b.teachers(), a.managers() + b.managers(),
                a.recordings() + b.recordings());
    }
}

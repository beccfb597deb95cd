package org.classreflect.adapters.sql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.admin.RecordedAudio;
import org.classreflect.core.admin.SchoolCounts;
import org.classreflect.core.admin.UsageStatistics;
import org.jdbi.v3.core.Jdbi;

public final class JdbiUsageStatistics implements UsageStatistics {

    private final Jdbi jdbi;

    public JdbiUsageStatistics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, SchoolCounts> countsBySchool() {
        return jdbi.withHandle(h -> {
            Map<String, SchoolCounts> counts = new HashMap<>();
            h.createQuery("""
                            SELECT school_id, SUM(CASE WHEN role = 'teacher' THEN 1 ELSE 0 END) AS teachers,
                                   SUM(CASE WHEN role = 'school_manager' THEN 1 ELSE 0 END) AS managers
                            FROM users WHERE school_id IS NOT NULL GROUP BY school_id""")
                    .map((rs, ctx) -> Map.entry(rs.getString("school_id"),
                            new SchoolCounts(rs.getLong("teachers"), rs.getLong("managers"), 0)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            h.createQuery("SELECT school_id, COUNT(*) AS recordings FROM recordings GROUP BY school_id")
                    .map((rs, ctx) -> Map.entry(rs.getString("school_id"), rs.getLong("recordings")))
                    .forEach(e -> counts.merge(e.getKey(), new SchoolCounts(0, 0, e.getValue()),
                            (users, recordings) -> new SchoolCounts(users.teachers(), users.managers(),
                                    recordings.recordings())));
            return counts;
        });
    }

    @Override
    public List<RecordedAudio> recordedSince(Instant from) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT school_id, created_at, duration_seconds FROM recordings
                        WHERE created_at >= :from AND status <> 'uploading'""")
                .bind("from", SqlTimes.utc(from))
                .map((rs, ctx) -> new RecordedAudio(rs.getString("school_id"), SqlTimes.instant(rs, "created_at"),
                        SqlTimes.nullableDouble(rs, "duration_seconds")))
                .list());
    }
}

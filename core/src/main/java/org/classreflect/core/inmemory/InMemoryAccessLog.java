package org.classreflect.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.classreflect.core.accesslog.AccessEntry;
import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.accesslog.AccessLogQuery;
import org.classreflect.core.common.Page;

/** The access log in memory: newest first, an id appended once, times kept to the millisecond like the database. */
final class InMemoryAccessLog implements AccessLog {

    private static final Comparator<AccessEntry> NEWEST_FIRST = Comparator.comparing(AccessEntry::at).reversed()
            .thenComparing(AccessEntry::id, BinaryCollation.ORDER.reversed());

    private final StoreLock lock;
    private final Map<String, AccessEntry> byId = new LinkedHashMap<>();

    InMemoryAccessLog(StoreLock lock) {
        this.lock = lock;
    }

    @Override
    public void append(AccessEntry e) {
        lock.write(() -> {
            byId.putIfAbsent(e.id(), new AccessEntry(e.id(), Millis.of(e.at()), e.actorId(), e.actorRole(),
                    e.actorSchoolId(), e.action(), e.targetKind(), e.targetId(), e.schoolId(), e.teacherId(),
                    e.fromAddress(), e.detail()));
        });
    }

    @Override
    public Page<AccessEntry> find(AccessLogQuery q) {
        return lock.read(() -> {
            List<AccessEntry> matches = byId.values().stream().filter(matching(q)).sorted(NEWEST_FIRST).toList();
            int offset = q.page().offset();
            int limit = q.page().limit();
            return new Page<>(matches.stream().skip(offset).limit(limit).toList(), matches.size(), offset, limit);
        });
    }

    private static Predicate<AccessEntry> matching(AccessLogQuery q) {
        return e -> (q.schoolId() == null || q.schoolId().equals(e.schoolId()))
                && (q.teacherId() == null || q.teacherId().equals(e.teacherId()))
                && (q.actorId() == null || q.actorId().equals(e.actorId()))
                && (q.action() == null || q.action() == e.action())
                && (q.from() == null || !e.at().isBefore(q.from()))
                && (q.to() == null || e.at().isBefore(q.to()));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return lock.write(() -> {
            int before = byId.size();
            byId.values().removeIf(e -> e.at().isBefore(cutoff));
            return before - byId.size();
        });
    }
}

package org.classreflect.core.inmemory;

import static org.classreflect.core.inmemory.ConstraintViolationException.require;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;

/**
 * Analyses in memory. Each names a stored template version. Updates and claims change only what the SQL store's
 * UPDATE sets (status, results, times of the run, run id and lease), never the recording, owners or template.
 */
final class InMemoryAnalyses implements Analyses {

    private static final Comparator<Analysis> OLDEST_FIRST = Comparator.comparing(Analysis::createdAt)
            .thenComparing(Analysis::id, BinaryCollation.ORDER);
    private static final Comparator<Analysis> OLDEST_LESSON_FIRST = Comparator.comparing(Analysis::lessonAt)
            .thenComparing(Analysis::id, BinaryCollation.ORDER);

    private final StoreLock lock;
    private final InMemoryTemplates templates;
    private final InMemoryRecordings recordings;
    private final Map<String, Analysis> byId = new HashMap<>();

    InMemoryAnalyses(StoreLock lock, InMemoryTemplates templates, InMemoryRecordings recordings) {
        this.lock = lock;
        this.templates = templates;
        this.recordings = recordings;
    }

    @Override
    public void insert(Analysis a) {
        lock.write(() -> {
            require(!byId.containsKey(a.id()), "analyses: id " + a.id() + " is taken");
            require(a.schoolId() != null && a.teacherId() != null && a.lessonAt() != null && a.createdAt() != null,
                    "analyses: school, teacher, lesson time and creation time are required");
            require(templates.has(a.templateId(), a.templateVersion()),
                    "analyses: no template " + a.templateId() + " version " + a.templateVersion());
            byId.put(a.id(), new Analysis(a.id(), a.recordingId(), a.schoolId(), a.teacherId(), a.templateId(),
                    a.templateVersion(), a.status(), a.error(), a.metrics(), a.speakingRateByWindow(),
                    a.criterionScores(), a.overallScore(), a.rubric(), a.quality(), Millis.of(a.lessonAt()),
                    Millis.of(a.createdAt()), Millis.of(a.startedAt()), Millis.of(a.finishedAt()), a.runId(),
                    Millis.of(a.leaseUntil())));
        });
    }

    @Override
    public Optional<Analysis> find(String id) {
        return lock.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public List<Analysis> listForRecording(String recordingId) {
        return select(a -> a.recordingId().equals(recordingId), OLDEST_FIRST);
    }

    @Override
    public List<Analysis> listUnfinished() {
        return select(a -> a.status() == AnalysisStatus.QUEUED || a.status() == AnalysisStatus.RUNNING,
                OLDEST_FIRST);
    }

    @Override
    public void deleteForRecording(String recordingId) {
        lock.write(() -> byId.values().removeIf(a -> a.recordingId().equals(recordingId)));
    }

    /** A running analysis stored before leases existed has no run id: it matches an update without one. */
    @Override
    public boolean update(Analysis a, AnalysisStatus expected) {
        return lock.write(() -> {
            Analysis current = byId.get(a.id());
            if (current == null || current.status() != expected
                    || current.status() == AnalysisStatus.RUNNING
                    && !Objects.equals(orEmpty(current.runId()), orEmpty(a.runId()))) {
                return false;
            }
            byId.put(a.id(), changed(current, a));
            return true;
        });
    }

    @Override
    public boolean claim(Analysis running, Instant now) {
        return lock.write(() -> {
            Analysis current = byId.get(running.id());
            if (current == null || !current.claimable(Millis.of(now))) {
                return false;
            }
            byId.put(running.id(), changed(current, running));
            return true;
        });
    }

    @Override
    public boolean renewLease(String id, String runId, Instant leaseUntil) {
        return lock.write(() -> {
            Analysis c = byId.get(id);
            if (c == null || c.status() != AnalysisStatus.RUNNING || runId == null || !runId.equals(c.runId())) {
                return false;
            }
            byId.put(id, new Analysis(c.id(), c.recordingId(), c.schoolId(), c.teacherId(), c.templateId(),
                    c.templateVersion(), c.status(), c.error(), c.metrics(), c.speakingRateByWindow(),
                    c.criterionScores(), c.overallScore(), c.rubric(), c.quality(), c.lessonAt(), c.createdAt(), c.startedAt(),
                    c.finishedAt(), c.runId(), Millis.of(leaseUntil)));
            return true;
        });
    }

    @Override
    public List<Analysis> listCompletedForTeacher(String teacherId) {
        return select(a -> a.teacherId().equals(teacherId) && isCompletedWithRecording(a), OLDEST_LESSON_FIRST);
    }

    @Override
    public List<Analysis> listCompletedForSchool(String schoolId) {
        return select(a -> a.schoolId().equals(schoolId) && isCompletedWithRecording(a), OLDEST_LESSON_FIRST);
    }

    private boolean isCompletedWithRecording(Analysis a) {
        return a.status() == AnalysisStatus.COMPLETED && recordings.has(a.recordingId());
    }

    private List<Analysis> select(Predicate<Analysis> condition, Comparator<Analysis> order) {
        return lock.read(() -> byId.values().stream().filter(condition).sorted(order).toList());
    }

    /** The stored analysis with what an update sets taken from {@code next}. */
    private static Analysis changed(Analysis stored, Analysis next) {
        return new Analysis(stored.id(), stored.recordingId(), stored.schoolId(), stored.teacherId(),
                stored.templateId(), stored.templateVersion(), next.status(), next.error(), next.metrics(),
                next.speakingRateByWindow(), next.criterionScores(), next.overallScore(), next.rubric(), next.quality(),
                stored.lessonAt(), stored.createdAt(), Millis.of(next.startedAt()), Millis.of(next.finishedAt()),
                next.runId(), Millis.of(next.leaseUntil()));
    }

    private static String orEmpty(String runId) {
        return runId == null ? "" : runId;
    }
}

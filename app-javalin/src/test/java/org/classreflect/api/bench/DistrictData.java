package org.classreflect.api.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.metrics.Basis;
import org.classreflect.core.metrics.Measurement;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;
import org.classreflect.core.template.Template;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.sdk.Adapters;

/**
 * A school district's data, put in through the store ports (so every index and trigger does its real work): 20
 * teachers per school, one manager per school, 100 recordings per teacher (two years of weekly lessons) once there
 * are 2,000 recordings or more, each completed with a 45-minute transcript ({@link LessonTranscripts}) and every
 * second one with a completed analysis, for the dashboards.
 */
final class DistrictData {

    static final String PASSWORD = "bench-kettle-orbit-7";
    private static final Instant FIRST_LESSON = Instant.parse("2024-09-02T08:00:00Z");
    private static final Duration TWO_YEARS = Duration.ofDays(730);

    record Teacher(String id, String schoolId, String email) {
    }

    record District(List<String> schoolIds, List<Teacher> teachers, List<String> managerEmails, int recordings) {

        String recordingId(int n) {
            return "rec-" + n;
        }

        Teacher teacherOf(int recording) {
            return teachers.get(recording % teachers.size());
        }

        /** One of the recordings of the teacher at {@code teacher} (modulo the number of teachers). */
        String recordingOf(int teacher, Random random) {
            int perTeacher = Math.max(1, recordings / teachers.size());
            return recordingId(teacher % teachers.size() + teachers.size() * random.nextInt(perTeacher));
        }
    }

    private DistrictData() {
    }

    /** The district of {@code recordings} recordings: who is in it, the same on every run. */
    static District plan(int recordings) {
        int teacherCount = Math.max(20, recordings / 100);
        int schoolCount = Math.max(2, teacherCount / 20);
        List<String> schools = new ArrayList<>();
        List<String> managers = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            schools.add("school-" + s);
            managers.add("manager" + s + "@district.test");
        }
        List<Teacher> teachers = new ArrayList<>();
        for (int t = 0; t < teacherCount; t++) {
            teachers.add(new Teacher("teacher-" + t, schools.get(t % schoolCount), "teacher" + t + "@district.test"));
        }
        return new District(schools, teachers, managers, recordings);
    }

    /** Puts {@code district} into an empty store with {@code threads} loader threads. */
    static void load(Adapters adapters, District district, int threads, PrintStream log) throws Exception {
        String hash = adapters.passwordHasher().hash(PASSWORD);
        for (int s = 0; s < district.schoolIds().size(); s++) {
            String id = district.schoolIds().get(s);
            adapters.schools().insert(new School(id, "School " + s, FIRST_LESSON, null));
            adapters.users().insert(new User("manager-" + s, id, district.managerEmails().get(s), "Manager " + s,
                    Role.SCHOOL_MANAGER, hash, true, false, FIRST_LESSON, null));
        }
        for (int t = 0; t < district.teachers().size(); t++) {
            Teacher teacher = district.teachers().get(t);
            adapters.users().insert(new User(teacher.id(), teacher.schoolId(), teacher.email(), "Teacher " + t,
                    Role.TEACHER, hash, true, false, FIRST_LESSON, null));
        }
        int recordings = district.recordings();
        Template template = adapters.templates().listAll().get(0);
        AtomicInteger done = new AtomicInteger();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int part = 0; part < threads; part++) {
                int first = part;
                parts.add(pool.submit(() -> {
                    for (int n = first; n < recordings; n += threads) {
                        insertLesson(adapters, district, template, n);
                        int count = done.incrementAndGet();
                        if (count % 5_000 == 0) {
                            log.printf("  %,d recordings in %.0f s%n", count, (System.nanoTime() - began) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        log.printf("loaded %,d recordings (%d schools, %d teachers) in %.0f s%n", recordings,
                district.schoolIds().size(), district.teachers().size(), (System.nanoTime() - began) / 1e9);
    }

    private static void insertLesson(Adapters adapters, District district, Template template, int n) {
        Teacher teacher = district.teacherOf(n);
        LessonTranscripts.Subject subject = LessonTranscripts.SUBJECTS.get((n / district.teachers().size())
                % LessonTranscripts.SUBJECTS.size());
        Instant created = FIRST_LESSON.plusMillis(TWO_YEARS.toMillis() * n / district.recordings());
        Instant finished = created.plusSeconds(900);
        int grade = 3 + n % 6;
        String id = district.recordingId(n);
        adapters.recordings().insert(new Recording(id, teacher.schoolId(), teacher.id(),
                new RecordingMetadata("Year " + grade + " " + subject.name(), subject.name(), Integer.toString(grade),
                        n % 10 == 0 ? "Observed by the head of department" : null),
                "lesson-" + n + ".mp3", "audio/mpeg", 43_000_000L, 2_700.0, null, RecordingStatus.COMPLETED, 100, 1,
                null, created, created, created.plusSeconds(60), finished, null));
        String text = LessonTranscripts.of(subject, n);
        adapters.transcripts().saveIfAbsent(new Transcript(id, text, "en", "whisper", "base.en", List.of(),
                List.of(), text.split(" ").length, 0.91, 610.0, 2_700.0, finished));
        if (n % 2 == 0) {
            double questions = 20 + n % 40;
            Map<Metric, Measurement> metrics = new EnumMap<>(Metric.class);
            metrics.put(Metric.QUESTION_COUNT, new Measurement(Metric.QUESTION_COUNT, questions, Basis.TRANSCRIPT,
                    1.0, List.of(), "questions"));
            metrics.put(Metric.TEACHER_TALK_SHARE, new Measurement(Metric.TEACHER_TALK_SHARE, 0.5 + (n % 30) / 100.0,
                    Basis.SPEAKERS, 0.8, List.of(), "teacher talk"));
            double score = 50 + n % 45;
            adapters.analyses().insert(new Analysis("analysis-" + n, id, teacher.schoolId(), teacher.id(),
                    template.id(), template.version(), AnalysisStatus.COMPLETED, null, metrics, List.of(),
                    List.of(new CriterionScore(template.criteria().get(0).name(), 100, questions, score, null, score,
                            List.of())), score, null, null, created, finished, finished, finished.plusSeconds(20), null,
                    null));
        }
    }
}

package edu.example.schoolsystem;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.analysis.CriterionScore;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;
import org.classreflect.core.school.User;
import org.classreflect.core.template.Template;
import org.classreflect.core.transcript.ImportTranscript;
import org.classreflect.core.transcript.Segment;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.sdk.ClassReflect;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fictional school system that embeds ClassReflect: it keeps ClassReflect's records in its own database, brings its
 * school and a teacher over by its own ids, uploads one lesson, lets an in-process worker transcribe it with
 * pocketsphinx, imports a second lesson it already has as a transcript, and prints what the analyses found. Usage: {@code SchoolSystem [lesson audio]} (or {@code -Dlesson=...}); the default is
 * {@code ../../../shared/audio/jfk.wav}. Exits non-zero on any failure.
 */
public final class SchoolSystem {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Path TRANSCRIPT = Path.of("lessons/fractions-7c.vtt");

    private SchoolSystem() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args.length > 0 ? args[0] : System.getProperty("lesson", "../../../shared/audio/jfk.wav")));
        } catch (Exception e) {
            System.err.println("school system: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(Path lesson) throws Exception {
        // tag::wiring[]
        JdbcDataSource database = new JdbcDataSource(); // in real life: the school system's own connection pool
        database.setURL("jdbc:h2:mem:school-system;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Path dataDir = Files.createTempDirectory("school-system-");
        ClassReflect classReflect = ClassReflect.builder()
                .dataSource(database)                     // ClassReflect's tables, created or migrated now
                .audioDirectory(dataDir.resolve("audio")) // lesson audio in files
                .pocketsphinx()                           // or .whisper(Path.of("models/ggml-base.en.bin"))
                .workers(1)                               // one worker thread in this process
                .build();
        // end::wiring[]
        try (classReflect) {
            Actor teacher = schoolAndTeacher(classReflect);
            Template template = classReflect.analyses().templates().list(teacher, teacher.schoolId()).value()
                    .stream().min(Comparator.comparing(Template::name)).orElseThrow();
            System.out.println("analysing with template \"" + template.name() + "\"");

            Recording recording = upload(classReflect, teacher, lesson, template);
            waitUntilCompleted(classReflect, teacher, recording.id());
            printTranscript(classReflect.recordings().transcript().execute(teacher, recording.id()).orElseThrow());
            printAnalysis(waitForAnalysis(classReflect, teacher, recording.id()));

            Recording imported = importTranscript(classReflect, teacher, TRANSCRIPT, template);
            printTranscript(classReflect.recordings().transcript().execute(teacher, imported.id()).orElseThrow());
            printAnalysis(waitForAnalysis(classReflect, teacher, imported.id()));
        }
    }

    /**
     * The school system's school and one of its teachers, brought over by the school system's own ids (run again, it
     * updates them), and the teacher as the acting user: the school system has signed them in itself.
     */
    private static Actor schoolAndTeacher(ClassReflect classReflect) {
        var identities = classReflect.identities();
        School school = identities.upsertSchool()
                .execute(new UpsertSchool.Command("district-42/school-7", "Example High School")).orElseThrow();
        User teacher = identities.upsertUser().execute(new UpsertUser.Command("district-42/school-7",
                "staff-1867", "m.curie@example.edu", "Marie Curie", Role.TEACHER)).orElseThrow();
        System.out.println("school " + school.name() + ", teacher " + teacher.displayName());
        return identities.actAs().execute("staff-1867").orElseThrow();
    }

    /** A lesson recorded in class: the worker transcribes it, then the analysis named at upload runs. */
    private static Recording upload(ClassReflect classReflect, Actor teacher, Path lesson, Template template)
            throws Exception {
        try (InputStream audio = Files.newInputStream(lesson)) {
            Recording recording = classReflect.recordings().upload().execute(teacher, new UploadRecording.Command(
                    null, new RecordingMetadata("10B", "History", "10", null), lesson.getFileName().toString(),
                    Files.size(lesson), audio, template.id())).orElseThrow();
            System.out.printf("uploaded %s: %s, %.1f s%n", lesson.getFileName(), recording.id(),
                    recording.durationSeconds());
            return recording;
        }
    }

    /**
     * A lesson the school system already has as a transcript (WebVTT with speaker voices): no audio and no speech
     * engine; the voices say who the teacher is, so talk time and wait time are measured from them.
     */
    private static Recording importTranscript(ClassReflect classReflect, Actor teacher, Path vtt, Template template)
            throws Exception {
        Recording recording = classReflect.recordings().importTranscript().execute(teacher,
                new ImportTranscript.Command(null, new RecordingMetadata("7C", "Maths", "7", null),
                        vtt.getFileName().toString(), Files.readString(vtt), null, null, template.id()))
                .orElseThrow();
        System.out.printf("imported %s: %s, status %s%n", vtt.getFileName(), recording.id(),
                recording.status().wireName());
        return recording;
    }

    private static void waitUntilCompleted(ClassReflect classReflect, Actor teacher, String id) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        String shown = "";
        while (true) {
            Recording now = classReflect.recordings().get().execute(teacher, id).orElseThrow();
            String state = now.status().wireName() + (now.status() == RecordingStatus.PROCESSING
                    ? " " + now.progressPercent() + "%" : "");
            if (!state.equals(shown)) {
                System.out.println("status: " + state);
                shown = state;
            }
            if (now.status() == RecordingStatus.COMPLETED) {
                return;
            }
            if (now.status() == RecordingStatus.FAILED) {
                throw new IllegalStateException("the recording failed: " + now.errorMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not completed within " + TIMEOUT + " (" + state + ")");
            }
            Thread.sleep(200);
        }
    }

    /** The worker completes the recording, then runs the analyses queued for it. */
    private static Analysis waitForAnalysis(ClassReflect classReflect, Actor teacher, String id) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            List<Analysis> analyses = classReflect.analyses().read().forRecording(teacher, id).orElseThrow().value();
            for (Analysis a : analyses) {
                if (a.status() == AnalysisStatus.FAILED) {
                    throw new IllegalStateException("the analysis failed: " + a.error());
                }
            }
            Result<Analysis> done = classReflect.analyses().read().metrics(teacher, id);
            if (done.isOk()) {
                return done.orElseThrow();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no completed analysis within " + TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    private static void printTranscript(Transcript transcript) {
        System.out.printf("transcript (%s, %d words):%n", transcript.engine(), transcript.wordCount());
        for (Segment s : transcript.segments()) {
            System.out.printf("  [%5.1f-%5.1f] %s%n", s.start(), s.end(), s.text().trim());
        }
    }

    private static void printAnalysis(Analysis analysis) {
        System.out.println("metrics:");
        analysis.metrics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                System.out.printf("  %-28s %s%n", e.getKey(), e.getValue().isMeasured()
                        ? String.format("%.2f", e.getValue().value()) : "- (" + e.getValue().note() + ")"));
        System.out.println("scores:");
        for (CriterionScore c : analysis.criterionScores()) {
            System.out.printf("  %-28s %s%n", c.criterion(), c.score() == null ? "-" : String.format("%.0f", c.score()));
        }
        System.out.println("  overall: " + (analysis.overallScore() == null ? "-"
                : String.format("%.0f", analysis.overallScore())));
    }
}

package org.classreflect.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.metrics.Metric;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;
import org.classreflect.core.transcript.ImportTranscript;
import org.classreflect.testfixtures.audio.WavDecoder;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade as an embedder meets it: defaults in memory, a worker that finishes a lesson, a clean close. */
class ClassReflectTest {

    private static final Path JFK = Path.of(System.getProperty("classreflect.shared", "../../shared"), "audio/jfk.wav");

    @TempDir
    Path scratch;

    @Test
    void withNothingButASpeechEngineALessonIsUploadedTranscribedAndAnalysed() throws Exception {
        FakeTranscriber engine = new FakeTranscriber();
        try (ClassReflect classReflect = ClassReflect.builder().transcriber(engine).audioDecoder(new WavDecoder())
                .scratchDirectory(scratch).workers(1).build()) {
            Actor teacher = teacher(classReflect);
            Recording uploaded;
            try (InputStream audio = Files.newInputStream(JFK)) {
                uploaded = classReflect.recordings().upload().execute(teacher, new UploadRecording.Command(null,
                        RecordingMetadata.NONE, "jfk.wav", Files.size(JFK), audio, null)).orElseThrow();
            }

            assertThat(uploaded.durationSeconds()).as("measured at upload").isBetween(10.9, 11.1);
            awaitStatus(classReflect, teacher, uploaded.id(), RecordingStatus.COMPLETED);

            assertThat(engine.calls()).isEqualTo(1);
            assertThat(classReflect.recordings().transcript().execute(teacher, uploaded.id()).orElseThrow().engine())
                    .isEqualTo(FakeTranscriber.ENGINE);
        }
    }

    @Test
    void aTranscriptTheHostHasIsAnalysedWithoutAudioOrSpeechEngineWork() throws Exception {
        FakeTranscriber engine = new FakeTranscriber();
        try (ClassReflect classReflect = ClassReflect.builder().transcriber(engine).scratchDirectory(scratch)
                .workers(1).build()) {
            Actor teacher = teacher(classReflect);
            String template = classReflect.analyses().templates().list(teacher, teacher.schoolId()).value().get(0)
                    .id();
            String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Teacher>Why do leaves change colour?\n\n"
                    + "00:00:07.000 --> 00:00:09.000\n<v Sam>Because of the cold.\n";

            Recording imported = classReflect.recordings().importTranscript().execute(teacher,
                    new ImportTranscript.Command(null, RecordingMetadata.NONE, "autumn.vtt", vtt, null, null,
                            template))
                    .orElseThrow();

            assertThat(imported.status()).isEqualTo(RecordingStatus.COMPLETED);
            var analysis = awaitAnalysis(classReflect, teacher, imported.id());
            assertThat(analysis.metrics().get(Metric.QUESTION_COUNT).value()).isEqualTo(1.0);
            assertThat(analysis.metrics().get(Metric.TEACHER_TALK_SHARE).value()).isCloseTo(0.6, within(0.01));
            assertThat(engine.calls()).isZero();
        }
    }

    @Test
    void aSpeechEngineMustBeChosen() {
        assertThatThrownBy(() -> ClassReflect.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("speech engine");
    }

    @Test
    void closingStopsTheWorkersAndClosesWhatItWasGiven() {
        AtomicInteger closed = new AtomicInteger();
        ClassReflect classReflect = ClassReflect.builder().transcriber(new FakeTranscriber())
                .scratchDirectory(scratch).closeWith(closed::incrementAndGet).workers(2).build();
        assertThat(classReflect.workers().running()).isEqualTo(2);

        classReflect.close();

        assertThat(classReflect.workers().running()).isZero();
        assertThat(closed).hasValue(1);
    }

    private static Actor teacher(ClassReflect classReflect) {
        var identities = classReflect.identities();
        identities.upsertSchool().execute(new UpsertSchool.Command("oak", "Oak Primary")).orElseThrow();
        identities.upsertUser().execute(new UpsertUser.Command("oak", "ada", "ada@oak.example", "Ada", Role.TEACHER))
                .orElseThrow();
        return identities.actAs().execute("ada").orElseThrow();
    }

    private static void awaitStatus(ClassReflect classReflect, Actor actor, String id, RecordingStatus wanted)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            Recording now = classReflect.recordings().get().execute(actor, id).orElseThrow();
            if (now.status() == wanted || Instant.now().isAfter(deadline)) {
                assertThat(now.status()).as(now.errorMessage()).isEqualTo(wanted);
                return;
            }
            Thread.sleep(50);
        }
    }

    private static Analysis awaitAnalysis(ClassReflect classReflect, Actor actor, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            var done = classReflect.analyses().read().metrics(actor, id);
            if (done.isOk()) {
                return done.orElseThrow();
            }
            assertThat(Instant.now()).as("an analysis within 20 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}

package edu.example.minimal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.sdk.ClassReflect;

/**
 * ClassReflect on the smallest class path: the SDK alone, every store in memory, and the host's own speech engine
 * and WAV reader. No native library is loaded. Usage: {@code MinimalEmbedding [lesson.wav]}.
 */
public final class MinimalEmbedding {

    private MinimalEmbedding() {
    }

    public static void main(String[] args) throws Exception {
        Path lesson = Path.of(args.length > 0 ? args[0]
                : System.getProperty("lesson", "../../../shared/audio/jfk.wav"));
        try (ClassReflect classReflect = ClassReflect.builder()
                .transcriber(new FixedTranscriber())
                .audioDecoder(new JavaSoundWavDecoder())
                .workers(1)
                .build()) {
            // The host's school and teacher, by the host's own ids; the host signs its users in itself.
            var identities = classReflect.identities();
            identities.upsertSchool().execute(new UpsertSchool.Command("minimal-school", "Minimal School"))
                    .orElseThrow();
            identities.upsertUser().execute(new UpsertUser.Command("minimal-school", "minimal-teacher",
                    "teacher@minimal.example", "A. Teacher", Role.TEACHER)).orElseThrow();
            Actor actor = identities.actAs().execute("minimal-teacher").orElseThrow();

            Recording uploaded;
            try (InputStream audio = Files.newInputStream(lesson)) {
                uploaded = classReflect.recordings().upload().execute(actor, new UploadRecording.Command(null,
                        RecordingMetadata.NONE, lesson.getFileName().toString(), Files.size(lesson), audio))
                        .orElseThrow();
            }
            System.out.println("uploaded " + uploaded.id() + " (" + uploaded.durationSeconds() + " s)");

            long deadline = System.nanoTime() + 60_000_000_000L;
            Recording now = uploaded;
            while (!now.status().isTerminal()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not completed within 60 s: " + now.status());
                }
                Thread.sleep(100);
                now = classReflect.recordings().get().execute(actor, uploaded.id()).orElseThrow();
            }
            if (now.status() != RecordingStatus.COMPLETED) {
                throw new IllegalStateException("recording " + now.status() + ": " + now.errorMessage());
            }
            Transcript transcript = classReflect.recordings().transcript().execute(actor, uploaded.id()).orElseThrow();
            System.out.println("transcript (" + transcript.engine() + ", " + transcript.wordCount() + " words): "
                    + transcript.text());
        }
    }
}

package org.classreflect.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.adapters.audio.FfmpegAudioDecoder;
import org.classreflect.adapters.speech.pocketsphinx.PocketsphinxTranscriber;
import org.classreflect.adapters.sql.Database;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcription;
import org.classreflect.core.transcript.TranscriptionException;
import org.classreflect.core.transcript.TranscriptionProgress;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/**
 * The product as {@link CrashLoopHarness} runs it: a local-mode server (embedded H2) on a free port against one data
 * directory, with pocketsphinx when it is installed, else a slow fake engine. Once it is serving it prints
 * {@code PORT=} and one {@code STATE=} line: the database as this start found it (after its own recovery), for the
 * harness to check. The same JVM opens the same H2 file, so it shares the server's database engine.
 */
public final class CrashLoopServerMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrashLoopServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Transcriber pocketsphinx = new PocketsphinxTranscriber(new FfmpegAudioDecoder());
        Transcriber engine = pocketsphinx.status().ready() ? pocketsphinx : new SlowFake(new FakeTranscriber());
        ClassReflectServer server = ClassReflectServer.start(TestServers.settings(dataDir)
                .with(Setting.MAX_UPLOAD_MB, "20"), engine, false);
        System.out.println("PORT=" + server.port());
        try (Database db = Database.embedded(dataDir)) {
            System.out.println("STATE=" + JSON.writeValueAsString(state(db)));
        }
        System.out.flush();
        Thread.currentThread().join();
    }

    private static Map<String, Object> state(Database db) {
        return db.jdbi().withHandle(h -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("recordings", h.createQuery("SELECT id, status FROM recordings").mapToMap().list());
            s.put("transcriptCounts", h.createQuery(
                    "SELECT recording_id, COUNT(*) AS n FROM transcripts GROUP BY recording_id").mapToMap().list());
            s.put("analyses", h.createQuery("SELECT id, recording_id, template_id, status FROM analyses")
                    .mapToMap().list());
            return s;
        });
    }

    /** The fake engine, two seconds per lesson, so that kills land mid-transcription. */
    private record SlowFake(FakeTranscriber fake) implements Transcriber {
        @Override
        public TranscriberStatus status() {
            return fake.status();
        }

        @Override
        public Transcription transcribe(Path audio, TranscriptionProgress progress) throws TranscriptionException {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranscriptionException("stopped");
            }
            return fake.transcribe(audio, progress);
        }
    }

    static List<String> legalRecordingStatuses() {
        return List.of("uploading", "queued", "processing", "transcribed", "completed", "failed");
    }
}

package org.classreflect.core.transcript;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioFormat;
import org.classreflect.core.recording.AudioSniffer;
import org.classreflect.core.recording.CountingDigestInputStream;
import org.classreflect.core.recording.UploadLimits;

/**
 * Transcribes one file straight away for the caller and keeps nothing: no recording, no stored audio, no stored
 * transcript. The audio lives in a scratch file only while the engine reads it, and that file is deleted however the
 * call ends. Since nothing is stored, nobody but the caller ever sees the audio or its text.
 */
public final class TranscribeUpload {

    /** @param declaredSize the size the client announced, when it did (lets an oversized file fail before reading) */
    public record Command(Long declaredSize, InputStream content, TranscriptionOptions options) {
    }

    private final Transcriber transcriber;
    private final UploadLimits limits;
    private final Path scratchDir;
    private final Clock clock;
    private final AudioSniffer sniffer = new AudioSniffer();

    @Inject
    public TranscribeUpload(Transcriber transcriber, UploadLimits limits, WorkerSettings settings, Clock clock) {
        this.transcriber = transcriber;
        this.limits = limits;
        this.scratchDir = settings.scratchDir();
        this.clock = clock;
    }

    /** Whether the speech engine can take a file now, and if not, why. */
    public TranscriberStatus engineStatus() {
        return transcriber.status();
    }

    public Result<Transcript> execute(Command command) throws IOException, TranscriptionException {
        if (command.declaredSize() != null && command.declaredSize() > limits.maxBytes()) {
            return tooLarge();
        }
        BufferedInputStream in = new BufferedInputStream(command.content(), 64 * 1024);
        Result<AudioFormat> format = sniffer.sniff(in);
        if (format instanceof Result.Rejected<AudioFormat> refused) {
            return Result.rejected(refused.rejection());
        }
        Files.createDirectories(scratchDir);
        Path audio = Files.createTempFile(scratchDir, "direct-", ".audio");
        try {
            try (InputStream limited = new CountingDigestInputStream(in, limits.maxBytes())) {
                Files.copy(limited, audio, StandardCopyOption.REPLACE_EXISTING);
            } catch (CountingDigestInputStream.LimitExceededException e) {
                return tooLarge();
            }
            long started = System.nanoTime();
            Transcription transcription = transcriber.transcribe(audio, command.options(), TranscriptionProgress.IGNORE);
            double seconds = (System.nanoTime() - started) / 1e9;
            return Result.ok(Transcript.of(Ids.newId(), transcription, seconds, clock.instant()));
        } finally {
            Files.deleteIfExists(audio);
        }
    }

    private Result<Transcript> tooLarge() {
        return Result.rejected(Rejection.Reason.TOO_LARGE,
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }
}

package org.classreflect.core.transcript;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.common.OwnerOnly;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.StoredAudioCheck;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioFormat;
import org.classreflect.core.recording.AudioSniffer;
import org.classreflect.core.recording.SizeLimitedInputStream;
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
    private final AudioDecoder decoder;
    private final Duration maxDuration;
    private final UploadLimits limits;
    private final Path scratchDir;
    private final Clock clock;
    private final AudioSniffer sniffer = new AudioSniffer();

    @Inject
    public TranscribeUpload(Transcriber transcriber, AudioDecoder decoder, AudioCheckSettings audioCheck,
                            UploadLimits limits, WorkerSettings settings, Clock clock) {
        this.transcriber = transcriber;
        this.decoder = decoder;
        this.maxDuration = audioCheck.maxDuration();
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
        Path audio = OwnerOnly.tempFile(scratchDir, "direct-", ".audio");
        try {
            try (InputStream limited = new SizeLimitedInputStream(in, limits.maxBytes())) {
                Files.copy(limited, audio, StandardCopyOption.REPLACE_EXISTING);
            } catch (SizeLimitedInputStream.LimitExceededException e) {
                return tooLarge();
            }
            Result<Transcript> refused = checkSound(audio);
            if (refused != null) {
                return refused;
            }
            long started = System.nanoTime();
            Transcription transcription = transcriber.transcribe(audio, command.options(), TranscriptionProgress.IGNORE);
            double seconds = (System.nanoTime() - started) / 1e9;
            return Result.ok(Transcript.of(Ids.newId(), transcription, seconds, clock.instant()));
        } finally {
            Files.deleteIfExists(audio);
        }
    }

    /** The same length limit as for stored recordings, counted by decoding (headers can lie); null when it passes. */
    private Result<Transcript> checkSound(Path audio) throws IOException {
        try {
            AudioDecoder.Measurement measured = decoder.measure(audio, maxDuration);
            if (measured.longerThanLimit()) {
                return StoredAudioCheck.tooLong(maxDuration);
            }
            if (measured.seconds() <= 0) {
                return Result.rejected(Rejection.invalid("the recording holds no sound (it lasts 0 seconds)"));
            }
            return null;
        } catch (UndecodableAudioException e) {
            return Result.rejected(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE,
                    "the file is not audio we can decode: " + e.getMessage());
        }
    }

    private Result<Transcript> tooLarge() {
        return Result.rejected(Rejection.Reason.TOO_LARGE,
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }
}

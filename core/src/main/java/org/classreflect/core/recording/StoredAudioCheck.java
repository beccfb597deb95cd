package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.PcmWavHeader;
import org.classreflect.core.audio.UndecodableAudioException;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.ReadableAudio;

/**
 * Decides whether a stored upload is sound we can decode, and no longer than the limit. The first bytes only say
 * what a file claims to be; this asks the decoder. The length is counted by decoding, never taken from the headers
 * (which can lie: see {@link AudioDecoder#measure}), and decoding stops as soon as the limit is passed; the one
 * exception is a PCM WAV, whose header and size give its exact length ({@link #check(PcmWavHeader, long)}). The store may be remote and the decoder reads files, so the audio
 * is probed where it lies when the store keeps it as a local file, else streamed to a scratch file (memory stays
 * bounded by a copy buffer) that is deleted as soon as it is probed.
 */
public final class StoredAudioCheck {

    private final AudioStore audioStore;
    private final AudioDecoder decoder;
    private final AudioCheckSettings settings;

    @Inject
    public StoredAudioCheck(AudioStore audioStore, AudioDecoder decoder, AudioCheckSettings settings) {
        this.audioStore = audioStore;
        this.decoder = decoder;
        this.settings = settings;
    }

    public Result<AudioInfo> check(String audioKey) throws IOException {
        try (ReadableAudio audio = ReadableAudio.of(audioStore, audioKey, settings.scratchDir(), "probe-")) {
            Path copy = audio.path();
            AudioInfo claimed = decoder.probe(copy);
            AudioDecoder.Measurement measured = decoder.measure(copy, settings.maxDuration());
            if (measured.longerThanLimit()) {
                // decoding stopped at the limit; when the headers also claim more, their figure is worth telling
                return claimed.durationSeconds() > settings.maxDuration().toSeconds() ? judge(claimed)
                        : tooLong(settings.maxDuration());
            }
            return judge(new AudioInfo(claimed.format(), measured.seconds(), claimed.sampleRate(),
                    claimed.channels()));
        } catch (UndecodableAudioException e) {
            return Result.rejected(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE,
                    "the file is not audio we can decode: " + e.getMessage());
        }
    }

    /**
     * A PCM WAV's sound, judged by its length without decoding: every byte of its data chunk is a sample, so its
     * header and size give the length exactly (see {@link PcmWavHeader}).
     */
    public Result<AudioInfo> check(PcmWavHeader header, long fileBytes) {
        return judge(header.info(fileBytes));
    }

    /** The refusal for sound that goes on past {@code limit}; the true length is unknown, decoding stopped there. */
    public static <T> Result<T> tooLong(java.time.Duration limit) {
        return Result.rejected(Rejection.Reason.TOO_LARGE, "the recording lasts longer than "
                + hoursAndMinutes(limit.toSeconds()) + ", the longest accepted. Split it into shorter recordings.");
    }

    private Result<AudioInfo> judge(AudioInfo info) {
        if (info.durationSeconds() <= 0) {
            return Result.rejected(Rejection.invalid("the recording holds no sound (it lasts 0 seconds)"));
        }
        long maxSeconds = settings.maxDuration().toSeconds();
        if (info.durationSeconds() > maxSeconds) {
            return Result.rejected(Rejection.Reason.TOO_LARGE, "the recording lasts "
                    + hoursAndMinutes(Math.round(info.durationSeconds())) + "; the longest accepted is "
                    + hoursAndMinutes(maxSeconds) + ". Split it into shorter recordings.");
        }
        return Result.ok(info);
    }

    private static String hoursAndMinutes(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours == 0 && minutes == 0) {
            return rest + " s";
        }
        return (hours > 0 ? hours + " h " : "") + minutes + " min" + (rest > 0 ? " " + rest + " s" : "");
    }
}

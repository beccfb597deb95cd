package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.PcmWavHeader;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.StoreFullException;

/**
 * Takes a new lesson's audio in, the same way on every path that brings audio with it: the size the client
 * announced, room in the store, what the first bytes say the file is; then the bytes themselves, counted and hashed
 * into the store, and their sound checked (a PCM WAV by its header and size, anything else by decoding). Whatever it refuses or fails on leaves no audio behind.
 */
public final class AudioIntake {

    /**
     * Audio that passed the checks made before a byte is stored.
     *
     * @param pcmWav the header, when the file is a PCM WAV, whose length it gives without decoding
     */
    public record Opened(InputStream content, String contentType, Optional<PcmWavHeader> pcmWav) {
    }

    /** Audio in the store: its size, its SHA-256 and its decoded length. */
    public record Taken(long sizeBytes, String sha256Hex, double durationSeconds) {
    }

    /**
     * How far into a file a WAV's header may reach and still be read: buffered as an upload streams in, fetched with
     * one ranged read when a direct upload is finished.
     */
    static final int HEAD_BYTES = 64 * 1024;

    private final AudioStore audioStore;
    private final UploadLimits limits;
    private final StoredAudioCheck audioCheck;
    private final AudioSniffer sniffer = new AudioSniffer();

    @Inject
    public AudioIntake(AudioStore audioStore, UploadLimits limits, StoredAudioCheck audioCheck) {
        this.audioStore = audioStore;
        this.limits = limits;
        this.audioCheck = audioCheck;
    }

    /** The checks that need no stored byte: the announced size, room in the store, the file's first bytes. */
    public Result<Opened> open(Long declaredSize, InputStream content) throws IOException {
        if (declaredSize != null && declaredSize > limits.maxBytes()) {
            return tooLarge();
        }
        String noRoom = audioStore.capacity().plainRefusal(limits.minFreeBytes(), declaredSize == null ? 0 : declaredSize);
        if (noRoom != null) {
            return storageUnavailable(noRoom);
        }
        BufferedInputStream in = new BufferedInputStream(content, HEAD_BYTES);
        Result<AudioFormat> format = sniffer.sniff(in);
        if (format instanceof Result.Rejected<AudioFormat> refused) {
            return Result.rejected(refused.rejection());
        }
        Optional<PcmWavHeader> pcmWav = format.orElseThrow() == AudioFormat.WAV ? pcmWavHeader(in) : Optional.empty();
        return Result.ok(new Opened(in, format.orElseThrow().contentType(), pcmWav));
    }

    /**
     * Streams the audio into the store under the key and checks its sound: a PCM WAV by its header and size, anything
     * else by decoding it. Refused or failed, the key holds nothing.
     */
    public Result<Taken> take(String audioKey, Opened opened) throws IOException {
        CountingDigestInputStream counted = new CountingDigestInputStream(opened.content(), limits.maxBytes());
        try {
            audioStore.put(audioKey, counted);
            Result<AudioInfo> sound = opened.pcmWav().isPresent()
                    ? audioCheck.check(opened.pcmWav().get(), counted.count()) : audioCheck.check(audioKey);
            if (sound instanceof Result.Rejected<AudioInfo> refused) {
                audioStore.delete(audioKey);
                return Result.rejected(refused.rejection());
            }
            return Result.ok(new Taken(counted.count(), counted.sha256Hex(), sound.orElseThrow().durationSeconds()));
        } catch (SizeLimitedInputStream.LimitExceededException e) {
            audioStore.delete(audioKey);
            return tooLarge();
        } catch (IOException e) {
            audioStore.delete(audioKey);
            if (StoreFullException.isFull(e)) {
                return storageUnavailable("the audio store ran out of space while the file was written");
            }
            throw e;
        } catch (RuntimeException e) {
            audioStore.delete(audioKey);
            throw e;
        }
    }

    /** Opens and takes the audio under a fresh recording id, before anything else about its lesson is known. */
    public Result<HeldAudio> hold(String originalFileName, Long declaredSize, InputStream content) throws IOException {
        Result<Opened> opened = open(declaredSize, content);
        if (opened instanceof Result.Rejected<Opened> refused) {
            return Result.rejected(refused.rejection());
        }
        String id = Ids.newId();
        String contentType = opened.orElseThrow().contentType();
        return take(id, opened.orElseThrow()).map(taken -> new HeldAudio(id, originalFileName, contentType, taken));
    }

    /** Looks at a WAV's first bytes without consuming them: its header, when it is a PCM WAV's. */
    private static Optional<PcmWavHeader> pcmWavHeader(BufferedInputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        return PcmWavHeader.read(head, head.length);
    }

    /** Removes audio taken in for a recording that did not come to be. */
    public void discard(String audioKey) throws IOException {
        audioStore.delete(audioKey);
    }

    private <T> Result<T> tooLarge() {
        return Result.rejected(Rejection.Reason.TOO_LARGE,
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }

    private static <T> Result<T> storageUnavailable(String why) {
        return Result.rejected(Rejection.storageUnavailable(why + "; nothing was kept. Try again later, and tell "
                + "whoever runs this service."));
    }
}

package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;
import static org.classreflect.core.InMemoryCore.wav;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.audio.AudioDecoder;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.health.AudioStoreProbe;
import org.classreflect.core.storage.StoreCapacity;
import org.classreflect.core.storage.StoreFullException;
import org.classreflect.core.transcript.TranscribeUpload;
import org.classreflect.core.transcript.Transcript;
import org.classreflect.core.transcript.TranscriptionOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input limits that headers and disks cannot talk around: the length is counted by decoding (a header claiming 30
 * minutes for 80 hours of sound is caught, and decoding stops at the limit), and an unwritable or full audio store
 * refuses the upload as "storage unavailable" leaving nothing behind.
 */
class UploadInputLimitsTest {

    private static final long LIMIT_SECONDS = AudioCheckSettings.DEFAULT_MAX_DURATION.toSeconds();

    @TempDir
    Path scratch;

    private InMemoryCore core;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
    }

    @Test
    void aHeaderClaimingHalfAnHourForEightyHoursIsRefusedByDecodingWhichStopsAtTheLimit() {
        core.decoder.durationSeconds = 30 * 60;               // what the container headers claim
        core.decoder.decodedSeconds = 80 * 3600;              // what the frames hold

        Result<Recording> refused = core.upload(core.ada.asActor(), null, wav(4000));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertThat(((Result.Rejected<?>) refused).rejection().message()).contains("longer than 4 h 0 min");
        assertNothingStored();
        long decoded = core.decoder.samplesDecoded.get();
        assertThat(decoded).as("decoding stops once past the limit, it does not go through 80 hours")
                .isLessThanOrEqualTo((LIMIT_SECONDS + 1) * AudioDecoder.SAMPLE_RATE);
    }

    @Test
    void theDecodedDurationIsStoredNotTheClaimedOne() {
        core.decoder.durationSeconds = 60;
        core.decoder.decodedSeconds = 2400;

        Recording r = core.upload(core.ada.asActor(), null, wav(4000)).orElseThrow();

        assertThat(r.durationSeconds()).isEqualTo(2400.0);
        assertThat(core.recording(r.id()).durationSeconds()).isEqualTo(2400.0);
    }

    @Test
    void theOpenAiStyleTranscriptionRefusesSoundLongerThanTheLimit() throws Exception {
        core.decoder.durationSeconds = 30 * 60;
        core.decoder.decodedSeconds = 80 * 3600;

        Result<Transcript> refused = transcribeUpload().execute(new TranscribeUpload.Command(null,
                new ByteArrayInputStream(wav(4000)), TranscriptionOptions.DEFAULTS));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertThat(core.transcriber.calls()).isZero();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void theOpenAiStyleTranscriptionStillTranscribesSoundWithinTheLimit() throws Exception {
        Result<Transcript> done = transcribeUpload().execute(new TranscribeUpload.Command(null,
                new ByteArrayInputStream(wav(4000)), TranscriptionOptions.DEFAULTS));

        assertThat(done).isInstanceOf(Result.Ok.class);
        assertThat(core.transcriber.calls()).isOne();
    }

    @Test
    void theOpenAiStyleTranscriptionRefusesMoreBytesThanTheLimitWhenNoSizeWasAnnounced() throws Exception {
        byte[] tooMany = java.util.Arrays.copyOf(wav(4000), (int) InMemoryCore.MAX_UPLOAD_BYTES + 1);

        Result<Transcript> refused = transcribeUpload().execute(new TranscribeUpload.Command(null,
                new ByteArrayInputStream(tooMany), TranscriptionOptions.DEFAULTS));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertThat(core.transcriber.calls()).isZero();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void anUnwritableStoreRefusesAsStorageUnavailableBeforeReadingWithoutTheOperatorsDetail() {
        core.audio.capacity = StoreCapacity.unwritable("/var/lib/classreflect/audio: read-only file system");

        Result<Recording> refused = core.upload(core.ada.asActor(), null, wav(4000));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.STORAGE_UNAVAILABLE);
        assertThat(((Result.Rejected<?>) refused).rejection().message()).contains("cannot be written to")
                .doesNotContain("/var/lib").doesNotContain("read-only file system");
        assertNothingStored();
    }

    @Test
    void aNearlyFullStoreRefusesAsStorageUnavailable() {
        core.audio.capacity = StoreCapacity.writable(UploadLimits.DEFAULT_MIN_FREE_BYTES - 1);

        Result<Recording> refused = core.upload(core.ada.asActor(), null, wav(4000));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.STORAGE_UNAVAILABLE);
        assertThat(((Result.Rejected<?>) refused).rejection().message()).contains("nearly full");
        assertNothingStored();
    }

    @Test
    void aDiskThatFillsUpMidWriteEndsAsStorageUnavailableLeavingNothing() {
        core.audio.failPutWith = new StoreFullException("disk full",
                new java.io.IOException("No space left on device"));

        Result<Recording> refused = core.upload(core.ada.asActor(), null, wav(4000));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.STORAGE_UNAVAILABLE);
        assertNothingStored();
    }

    @Test
    void readinessReportsAnUnwritableOrNearlyFullStore() {
        AudioStoreProbe probe = new AudioStoreProbe(core.audio, 1024);
        assertThat(probe.check().up()).isTrue();

        core.audio.capacity = StoreCapacity.writable(1023);
        assertThat(probe.check().up()).isFalse();
        assertThat(probe.check().detail()).contains("nearly full");

        core.audio.capacity = StoreCapacity.unwritable("read-only file system");
        assertThat(probe.check().up()).isFalse();
        assertThat(probe.check().detail()).contains("cannot be written");
    }

    private TranscribeUpload transcribeUpload() {
        return new TranscribeUpload(core.transcriber, core.decoder,
                new AudioCheckSettings(AudioCheckSettings.DEFAULT_MAX_DURATION, scratch.resolve("probe")),
                new UploadLimits(InMemoryCore.MAX_UPLOAD_BYTES), core.workerSettings(), core.clock);
    }

    private java.util.List<Path> scratchFiles() throws java.io.IOException {
        Path dir = core.workerSettings().scratchDir();
        if (!Files.exists(dir)) {
            return java.util.List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private void assertNothingStored() {
        assertThat(core.stores.recordings().findByStatus(java.util.EnumSet.allOf(RecordingStatus.class))).isEmpty();
        assertThat(core.audio.keys()).isEmpty();
        assertThat(core.queue.snapshot().visible()).isZero();
        assertThat(core.queue.snapshot().inFlight()).isZero();
    }
}

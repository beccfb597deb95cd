package org.classreflect.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.reason;
import static org.classreflect.core.InMemoryCore.wav;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.queue.Lease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UploadRecording} over in-memory ports: what is stored and queued, and what is refused leaving nothing. */
class UploadRecordingTest {

    @TempDir
    Path scratch;

    private InMemoryCore core;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
    }

    @Test
    void aPcmWavsLengthComesFromItsHeaderAndSizeWithoutDecoding() throws Exception {
        core.decoder.undecodable = true; // any decoding would refuse the upload
        byte[] content = InMemoryCore.jdkWav(new javax.sound.sampled.AudioFormat(8_000, 8, 1, false, false), 20_000);

        Recording r = core.upload(core.ada.asActor(), null, content).orElseThrow();

        assertThat(r.durationSeconds()).isEqualTo(2.5);
        assertThat(core.decoder.samplesDecoded).hasValue(0);
    }

    @Test
    void aPcmWavLongerThanTheLimitIsRefusedByItsHeaderAndNotKept() throws Exception {
        // one sample a second keeps a file of over 4 hours under the test's 64 KB upload limit
        var format = new javax.sound.sampled.AudioFormat(1, 8, 1, false, false);
        int frames = (int) AudioCheckSettings.DEFAULT_MAX_DURATION.toSeconds() + 1;

        Result<Recording> refused = core.upload(core.ada.asActor(), null, InMemoryCore.jdkWav(format, frames));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertThat(core.audio.keys()).isEmpty();
    }

    @Test
    void aTeachersWavUploadIsStoredAndQueued() throws Exception {
        byte[] content = wav(4000);
        Recording r = core.upload(core.ada.asActor(), null, content).orElseThrow();

        assertThat(r.status()).isEqualTo(RecordingStatus.QUEUED);
        assertThat(r.teacherId()).isEqualTo(core.ada.id());
        assertThat(r.schoolId()).isEqualTo(core.oak.id());
        assertThat(r.sizeBytes()).isEqualTo(4000);
        assertThat(r.durationSeconds()).isEqualTo(33.5);
        assertThat(r.contentType()).isEqualTo(AudioFormat.WAV.contentType());
        assertThat(core.recording(r.id())).isEqualTo(r);
        assertThat(core.audio.keys()).containsExactly(r.audioKey());
        assertThat(core.audio.open(r.audioKey()).readAllBytes()).isEqualTo(content);
        Lease lease = core.queue.receive(java.time.Duration.ZERO).orElseThrow();
        assertThat(lease.job().recordingId()).isEqualTo(r.id());
    }

    @Test
    void somethingThatIsNotAudioIsRefusedAndLeavesNoRowNoAudioNoJob() {
        byte[] pdf = "%PDF-1.7 a lesson plan, not a lesson".getBytes(StandardCharsets.US_ASCII);

        Result<Recording> refused = core.upload(core.ada.asActor(), null, pdf);

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE);
        assertThat(((Result.Rejected<?>) refused).rejection().message()).contains("PDF");
        assertNothingStored();
    }

    @Test
    void aFileThatLooksLikeAudioButDoesNotDecodeIsRefusedAndLeavesNothing() {
        // an ID3 tag says mp3; the decoder finds no sound in it
        byte[] mp3Header = new byte[200];
        mp3Header[0] = 'I';
        mp3Header[1] = 'D';
        mp3Header[2] = '3';

        Result<Recording> refused = core.upload(core.ada.asActor(), null, mp3Header);

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE);
        assertNothingStored();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(reason(core.upload(core.ada.asActor(), null, new byte[0]))).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertNothingStored();
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWhileReadingAndLeavesNothing() {
        Result<Recording> refused = core.upload(core.ada.asActor(), null, wav((int) InMemoryCore.MAX_UPLOAD_BYTES + 1));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertNothingStored();
    }

    @Test
    void anUploadExactlyAtTheSizeLimitIsAccepted() {
        Recording r = core.upload(core.ada.asActor(), null, wav((int) InMemoryCore.MAX_UPLOAD_BYTES)).orElseThrow();
        assertThat(r.sizeBytes()).isEqualTo(InMemoryCore.MAX_UPLOAD_BYTES);
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedBeforeReading() throws Exception {
        var command = new UploadRecording.Command(null, RecordingMetadata.NONE, "big.wav",
                InMemoryCore.MAX_UPLOAD_BYTES + 1, new ByteArrayInputStream(wav(100)));

        assertThat(reason(core.uploadRecording().execute(core.ada.asActor(), command)))
                .isEqualTo(Rejection.Reason.TOO_LARGE);
        assertNothingStored();
    }

    @Test
    void aRecordingLongerThanTheLimitIsRefusedAndLeavesNothing() {
        core.decoder.durationSeconds = AudioCheckSettings.DEFAULT_MAX_DURATION.toSeconds() + 1;

        assertThat(reason(core.upload(core.ada.asActor(), null, wav(4000)))).isEqualTo(Rejection.Reason.TOO_LARGE);
        assertNothingStored();
    }

    @Test
    void aTeacherCannotUploadForAColleague() {
        Result<Recording> refused = core.upload(core.ada.asActor(), core.bob.id(), wav(4000));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertNothingStored();
    }

    @Test
    void aManagerUploadsForATeacherOfTheirSchoolButNotForAnotherSchools() {
        Recording forBob = core.upload(core.oakManager.asActor(), core.bob.id(), wav(4000)).orElseThrow();
        assertThat(forBob.teacherId()).isEqualTo(core.bob.id());
        assertThat(forBob.schoolId()).isEqualTo(core.oak.id());

        Result<Recording> forEve = core.upload(core.oakManager.asActor(), core.eve.id(), wav(4000));
        assertThat(reason(forEve)).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(allRecordings()).containsExactly(forBob);
    }

    @Test
    void aManagerMustNameTheTeacher() {
        assertThat(reason(core.upload(core.oakManager.asActor(), null, wav(4000))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertNothingStored();
    }

    @Test
    void nobodyUploadsForADeactivatedTeacher() {
        core.stores.users().update(new org.classreflect.core.school.User(core.bob.id(), core.bob.schoolId(),
                core.bob.email(), core.bob.displayName(), core.bob.role(), core.bob.passwordHash(), false, false,
                core.bob.createdAt(), null));

        assertThat(reason(core.upload(core.oakManager.asActor(), core.bob.id(), wav(4000))))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertNothingStored();
    }

    @Test
    void onlyTheLastPartOfTheFileNameIsKeptAndTheMetadataIsBounded() throws Exception {
        Recording r = core.uploadRecording().execute(core.ada.asActor(), new UploadRecording.Command(null,
                new RecordingMetadata(" 5B ", "Science", " ", null), "C:\\Users\\ada/lessons\\monday 1.wav", null,
                new ByteArrayInputStream(wav(4000)))).orElseThrow();
        assertThat(r.originalFileName()).isEqualTo("monday 1.wav");
        assertThat(r.metadata()).isEqualTo(new RecordingMetadata("5B", "Science", null, null));

        Result<Recording> tooLong = core.uploadRecording().execute(core.ada.asActor(), new UploadRecording.Command(
                null, new RecordingMetadata("x".repeat(201), null, null, null), "a.wav", null,
                new ByteArrayInputStream(wav(4000))));
        assertThat(reason(tooLong)).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(allRecordings()).containsExactly(core.recording(r.id()));
    }

    @Test
    void heldAudioIsStoredBeforeItsDetailsAndFiledUnderTheIdItWasHeldAs() throws Exception {
        byte[] content = wav(4000);
        HeldAudio held = core.uploadRecording().hold("lesson.wav", null, new ByteArrayInputStream(content))
                .orElseThrow();
        assertThat(core.audio.keys()).containsExactly(held.recordingId());
        assertThat(allRecordings()).as("no row while only the audio is in").isEmpty();

        Recording r = core.uploadRecording().execute(core.oakManager.asActor(), new UploadRecording.Held(
                core.bob.id(), new RecordingMetadata("7C", null, null, null), held, null)).orElseThrow();

        assertThat(r.id()).isEqualTo(held.recordingId());
        assertThat(r.status()).isEqualTo(RecordingStatus.QUEUED);
        assertThat(r.teacherId()).isEqualTo(core.bob.id());
        assertThat(r.sizeBytes()).isEqualTo(4000);
        assertThat(r.originalFileName()).isEqualTo("lesson.wav");
        assertThat(core.audio.open(r.audioKey()).readAllBytes()).isEqualTo(content);
        assertThat(core.queue.receive(java.time.Duration.ZERO).orElseThrow().job().recordingId()).isEqualTo(r.id());
    }

    @Test
    void heldAudioWhoseDetailsAreRefusedIsRemoved() throws Exception {
        HeldAudio held = core.uploadRecording().hold("lesson.wav", null, new ByteArrayInputStream(wav(4000)))
                .orElseThrow();

        Result<Recording> refused = core.uploadRecording().execute(core.ada.asActor(),
                new UploadRecording.Held(core.bob.id(), RecordingMetadata.NONE, held, null));

        assertThat(reason(refused)).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertNothingStored();
    }

    @Test
    void audioThatCannotBeHeldIsRefusedLeavingNothing() throws Exception {
        byte[] pdf = "%PDF-1.7 a lesson plan, not a lesson".getBytes(StandardCharsets.US_ASCII);

        assertThat(reason(core.uploadRecording().hold("plan.pdf", null, new ByteArrayInputStream(pdf))))
                .isEqualTo(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE);
        assertThat(reason(core.uploadRecording().hold("big.wav", null,
                new ByteArrayInputStream(wav((int) InMemoryCore.MAX_UPLOAD_BYTES + 1)))))
                .isEqualTo(Rejection.Reason.TOO_LARGE);
        assertNothingStored();
    }

    private List<Recording> allRecordings() {
        return core.stores.recordings().findByStatus(EnumSet.allOf(RecordingStatus.class));
    }

    private void assertNothingStored() {
        List<Recording> rows = allRecordings();
        assertThat(rows).isEmpty();
        assertThat(core.audio.keys()).isEmpty();
        assertThat(core.queue.snapshot().visible()).isZero();
        assertThat(core.queue.snapshot().inFlight()).isZero();
    }
}

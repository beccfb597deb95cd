package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.telemetry.LogContext;
import org.classreflect.core.telemetry.WorkMetrics;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;

/**
 * Streams one lesson's audio into the store and queues it. The content is checked by its first bytes, and once
 * stored by decoding it (which also gives the duration), or, for a PCM WAV, by the length its header and size give
 * exactly; anything that is refused (empty, not audio, undecodable, too large, too long, or a broken upload) leaves
 * neither a stored file nor a row behind. No length is taken from a header that could lie (a compressed format's). A
 * store that is unwritable or nearly full refuses before anything is read, and
 * a disk that fills up mid-write ends as the same "storage unavailable" refusal, again leaving nothing. The template named for its
 * analysis is checked before anything is stored; the analysis is queued once the upload has succeeded.
 *
 * <p>A form whose fields may follow its file (multipart over HTTP) takes the other order: {@link #hold} streams the
 * audio in first, under the id its recording will take, and {@link #execute(Actor, Held)} files it once the fields
 * are read, or removes it when they are refused. No row exists while such audio arrives.
 */
public final class UploadRecording {

    /**
     * @param teacherId    whose lesson it is; a teacher may leave it out, a manager or admin must name one
     * @param declaredSize the size the client announced, when it did (lets an oversized upload fail before reading)
     * @param templateId   the template to analyse with once the audio is in; null for the school's default template
     */
    public record Command(String teacherId, RecordingMetadata metadata, String originalFileName, Long declaredSize,
                          InputStream content, String templateId) {

        public Command(String teacherId, RecordingMetadata metadata, String originalFileName, Long declaredSize,
                       InputStream content) {
            this(teacherId, metadata, originalFileName, declaredSize, content, null);
        }
    }

    /** A lesson whose audio is already held: the same details as {@link Command}, read after the audio. */
    public record Held(String teacherId, RecordingMetadata metadata, HeldAudio audio, String templateId) {
    }

    private final Recordings recordings;
    private final UploadOwner owner;
    private final AudioIntake intake;
    private final JobQueue queue;
    private final UploadAnalysis analysis;
    private final Clock clock;
    private final WorkMetrics metrics;
    private final LogContext logContext;

    @Inject
    public UploadRecording(Recordings recordings, Users users, AudioStore audioStore, JobQueue queue,
                           AccessPolicy policy, UploadLimits limits, StoredAudioCheck audioCheck,
                           UploadAnalysis analysis, Clock clock, WorkMetrics metrics, LogContext logContext) {
        this.logContext = logContext;
        this.recordings = recordings;
        this.owner = new UploadOwner(users, policy);
        this.intake = new AudioIntake(audioStore, limits, audioCheck);
        this.queue = queue;
        this.analysis = analysis;
        this.clock = clock;
        this.metrics = metrics;
    }

    public Result<Recording> execute(Actor actor, Command command) throws IOException {
        Result<UploadOwner.NewLesson> accepted = owner.accept(actor, command.teacherId(), command.metadata(),
                command.templateId(), analysis);
        if (accepted instanceof Result.Rejected<UploadOwner.NewLesson> refused) {
            return Result.rejected(refused.rejection());
        }
        Result<AudioIntake.Opened> opened = intake.open(command.declaredSize(), command.content());
        if (opened instanceof Result.Rejected<AudioIntake.Opened> refused) {
            return Result.rejected(refused.rejection());
        }
        UploadOwner.NewLesson lesson = accepted.orElseThrow();
        Recording started = start(Ids.newId(), lesson, command.originalFileName(), opened.orElseThrow().contentType());
        Result<Recording> stored = store(started, opened.orElseThrow());
        if (stored instanceof Result.Ok<Recording> ok) {
            analysis.queue(ok.value(), lesson.analysis());
        }
        return stored;
    }

    /** Streams the audio into the store before its lesson's details are known; see {@link #execute(Actor, Held)}. */
    public Result<HeldAudio> hold(String originalFileName, Long declaredSize, InputStream content) throws IOException {
        return intake.hold(originalFileName, declaredSize, content);
    }

    /** Removes held audio whose lesson will not be filed (its form broke off before its fields were read). */
    public void release(HeldAudio audio) throws IOException {
        intake.discard(audio.recordingId());
    }

    /** Files held audio as a new lesson; refused or failed, the audio is removed too. */
    public Result<Recording> execute(Actor actor, Held command) throws IOException {
        HeldAudio audio = command.audio();
        Result<UploadOwner.NewLesson> accepted;
        Recording started;
        try {
            accepted = owner.accept(actor, command.teacherId(), command.metadata(), command.templateId(), analysis);
            if (accepted instanceof Result.Rejected<UploadOwner.NewLesson> refused) {
                release(audio);
                return Result.rejected(refused.rejection());
            }
            started = start(audio.recordingId(), accepted.orElseThrow(), audio.originalFileName(),
                    audio.contentType());
        } catch (IOException | RuntimeException e) {
            release(audio);
            throw e;
        }
        Result<Recording> filed = file(started, audio.taken());
        if (filed instanceof Result.Ok<Recording> ok) {
            analysis.queue(ok.value(), accepted.orElseThrow().analysis());
        }
        return filed;
    }

    /** The new lesson's row, uploading until its audio is filed. */
    private Recording start(String id, UploadOwner.NewLesson lesson, String originalFileName, String contentType) {
        Recording started = Recording.startUpload(id, lesson.teacher().schoolId(), lesson.teacher().id(),
                lesson.metadata(), UploadOwner.safeFileName(originalFileName, "recording"), contentType,
                clock.instant());
        recordings.insert(started);
        return started;
    }

    private Result<Recording> store(Recording started, AudioIntake.Opened audio) throws IOException {
        Result<AudioIntake.Taken> taken;
        try {
            taken = intake.take(started.audioKey(), audio);
        } catch (IOException | RuntimeException e) {
            recordings.delete(started.id());
            throw e;
        }
        if (taken instanceof Result.Rejected<AudioIntake.Taken> refused) {
            recordings.delete(started.id());
            return Result.rejected(refused.rejection());
        }
        return file(started, taken.orElseThrow());
    }

    /** Marks the stored audio's recording queued and queues its job. */
    private Result<Recording> file(Recording started, AudioIntake.Taken in) throws IOException {
        Recording queued = started.uploaded(in.sizeBytes(), in.sha256Hex(), clock.instant())
                .withDuration(in.durationSeconds());
        if (!recordings.update(queued, RecordingStatus.UPLOADING)) {
            intake.discard(started.audioKey()); // deleted by its owner while it was still arriving
            recordings.delete(started.id());
            return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
        }
        queue.enqueue(new Job(queued.id(), logContext.get(LogContext.REQUEST_ID).orElse(null)));
        metrics.uploadStored(in.sizeBytes());
        return Result.ok(queued);
    }
}

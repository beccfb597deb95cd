package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.StoreFullException;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;

/**
 * Streams one lesson's audio into the store and queues it. The content is checked by its first bytes, and once
 * stored by decoding it (which also gives the duration); anything that is refused (empty, not audio, undecodable, too
 * large, too long, or a broken upload) leaves neither a stored file nor a row behind. The length is counted by
 * decoding, not read from the headers. A store that is unwritable or nearly full refuses before anything is read, and
 * a disk that fills up mid-write ends as the same "storage unavailable" refusal, again leaving nothing. The template named for its
 * analysis is checked before anything is stored; the analysis is queued once the upload has succeeded.
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

    private static final int MAX_FILE_NAME = 255;

    private final Recordings recordings;
    private final UploadOwner owner;
    private final AudioStore audioStore;
    private final JobQueue queue;
    private final UploadLimits limits;
    private final StoredAudioCheck audioCheck;
    private final UploadAnalysis analysis;
    private final Clock clock;
    private final AudioSniffer sniffer = new AudioSniffer();

    @Inject
    public UploadRecording(Recordings recordings, Users users, AudioStore audioStore, JobQueue queue,
                           AccessPolicy policy, UploadLimits limits, StoredAudioCheck audioCheck,
                           UploadAnalysis analysis, Clock clock) {
        this.recordings = recordings;
        this.owner = new UploadOwner(users, policy);
        this.audioStore = audioStore;
        this.queue = queue;
        this.limits = limits;
        this.audioCheck = audioCheck;
        this.analysis = analysis;
        this.clock = clock;
    }

    public Result<Recording> execute(Actor actor, Command command) throws IOException {
        RecordingMetadata metadata = command.metadata() == null ? RecordingMetadata.NONE : command.metadata();
        String problem = metadata.problem();
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        Result<User> teacher = owner.resolve(actor, command.teacherId());
        if (teacher instanceof Result.Rejected<User> rejected) {
            return Result.rejected(rejected.rejection());
        }
        Result<UploadAnalysis.Plan> plan = analysis.check(actor, teacher.orElseThrow().schoolId(),
                command.templateId());
        if (plan instanceof Result.Rejected<UploadAnalysis.Plan> refused) {
            return Result.rejected(refused.rejection());
        }
        if (command.declaredSize() != null && command.declaredSize() > limits.maxBytes()) {
            return tooLarge();
        }
        String noRoom = audioStore.capacity().refusal(limits.minFreeBytes(),
                command.declaredSize() == null ? 0 : command.declaredSize());
        if (noRoom != null) {
            return storageUnavailable(noRoom);
        }
        BufferedInputStream in = new BufferedInputStream(command.content(), 64 * 1024);
        Result<AudioFormat> format = sniffer.sniff(in);
        if (format instanceof Result.Rejected<AudioFormat> refused) {
            return Result.rejected(refused.rejection());
        }
        User owner = teacher.orElseThrow();
        Recording started = Recording.startUpload(Ids.newId(), owner.schoolId(), owner.id(), metadata,
                safeFileName(command.originalFileName()), format.orElseThrow().contentType(), clock.instant());
        recordings.insert(started);
        Result<Recording> stored = store(started, in);
        if (stored instanceof Result.Ok<Recording> ok) {
            analysis.queue(ok.value(), plan.orElseThrow());
        }
        return stored;
    }

    private Result<Recording> store(Recording started, InputStream in) throws IOException {
        CountingDigestInputStream counted = new CountingDigestInputStream(in, limits.maxBytes());
        try {
            audioStore.put(started.audioKey(), counted);
            Result<AudioInfo> sound = audioCheck.check(started.audioKey());
            if (sound instanceof Result.Rejected<AudioInfo> refused) {
                discard(started);
                return Result.rejected(refused.rejection());
            }
            Recording queued = started.uploaded(counted.count(), counted.sha256Hex(), clock.instant())
                    .withDuration(sound.orElseThrow().durationSeconds());
            if (!recordings.update(queued, RecordingStatus.UPLOADING)) {
                discard(started); // deleted by its owner while it was still arriving
                return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
            }
            queue.enqueue(new Job(queued.id()));
            return Result.ok(queued);
        } catch (CountingDigestInputStream.LimitExceededException e) {
            discard(started);
            return tooLarge();
        } catch (IOException e) {
            discard(started);
            if (StoreFullException.isFull(e)) {
                return storageUnavailable("the audio store ran out of space while the file was written");
            }
            throw e;
        } catch (RuntimeException e) {
            discard(started);
            throw e;
        }
    }

    private void discard(Recording started) throws IOException {
        audioStore.delete(started.audioKey());
        recordings.delete(started.id());
    }

    private static Result<Recording> storageUnavailable(String why) {
        return Result.rejected(Rejection.storageUnavailable(why + "; nothing was kept. Try again later, and tell "
                + "whoever runs this service."));
    }

    private Result<Recording> tooLarge() {
        return Result.rejected(Rejection.Reason.TOO_LARGE,
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }

    static String safeFileName(String name) {
        if (name == null || name.isBlank()) {
            return "recording";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        return base.length() > MAX_FILE_NAME ? base.substring(base.length() - MAX_FILE_NAME) : base;
    }
}

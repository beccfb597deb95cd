package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.storage.DirectUploads;

/**
 * First half of a browser-to-storage upload: the recording is created (uploading) and the client gets a signed
 * address that accepts exactly the announced bytes. Nothing is queued until {@link FinishDirectUpload} has looked
 * at what arrived; an upload that is never finished is cleared away by the retention task.
 */
public final class StartDirectUpload {

    public record Command(String teacherId, RecordingMetadata metadata, String originalFileName, String contentType,
                          long sizeBytes) {
    }

    public record Started(Recording recording, DirectUploads.DirectUpload upload) {
    }

    static final Duration SIGNED_ADDRESS_LIFETIME = Duration.ofMinutes(30);

    private final Optional<DirectUploads> directUploads;
    private final Recordings recordings;
    private final UploadOwner owner;
    private final UploadLimits limits;
    private final Clock clock;

    @Inject
    public StartDirectUpload(Optional<DirectUploads> directUploads, Recordings recordings, UploadOwner owner,
                             UploadLimits limits, Clock clock) {
        this.directUploads = directUploads;
        this.recordings = recordings;
        this.owner = owner;
        this.limits = limits;
        this.clock = clock;
    }

    /** Whether uploads may go straight to the audio store (S3 can take them; a local disk cannot). */
    public boolean available() {
        return directUploads.isPresent();
    }

    public Result<Started> execute(Actor actor, Command command) {
        if (directUploads.isEmpty()) {
            return Result.rejected(Rejection.invalid("direct uploads need the audio in S3 (aws mode); "
                    + "send the file to POST /api/recordings instead"));
        }
        RecordingMetadata metadata = command.metadata() == null ? RecordingMetadata.NONE : command.metadata();
        String problem = metadata.problem();
        if (problem == null && command.sizeBytes() <= 0) {
            problem = "sizeBytes must be the size of the file, more than 0";
        }
        if (problem == null && (command.contentType() == null || !command.contentType().startsWith("audio/"))) {
            problem = "contentType must be the file's audio type, e.g. audio/mpeg";
        }
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        if (command.sizeBytes() > limits.maxBytes()) {
            return Result.rejected(Rejection.Reason.TOO_LARGE,
                    "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
        }
        Result<User> teacher = owner.resolve(actor, command.teacherId());
        if (teacher instanceof Result.Rejected<User> refused) {
            return Result.rejected(refused.rejection());
        }
        User t = teacher.orElseThrow();
        Recording started = Recording.startUpload(Ids.newId(), t.schoolId(), t.id(), metadata,
                UploadOwner.safeFileName(command.originalFileName(), "recording"), command.contentType(), clock.instant());
        DirectUploads.DirectUpload upload = directUploads.get().presignUpload(started.audioKey(),
                command.contentType(), command.sizeBytes(), SIGNED_ADDRESS_LIFETIME);
        recordings.insert(started);
        return Result.ok(new Started(started, upload));
    }
}

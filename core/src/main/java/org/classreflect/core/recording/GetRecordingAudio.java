package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.DirectUploads;

/**
 * A recording's audio for playback, to whoever may see the recording: a short-lived signed address when the store
 * can hand one out (S3), else the stored bytes; or the moment retention removed it.
 */
public final class GetRecordingAudio {

    /** How playback reaches the audio. */
    public sealed interface Playback {
    }

    /** Stream it from the store; {@code content} opens it. */
    public record Stored(String contentType, long sizeBytes, Content content) implements Playback {
    }

    public record Signed(URI url) implements Playback {
    }

    /** Retention deleted the audio (the transcript and analyses stay). */
    public record Removed(Instant at) implements Playback {
    }

    public interface Content {
        InputStream open() throws IOException;
    }

    /**
     * The player keeps using the signed address for its range requests while the lesson plays, pauses and seeks, so
     * it must outlive a slow listen: a quarter of an hour plus twice the lesson, at most half a day.
     */
    static Duration signedAddressLifetime(Double durationSeconds) {
        Duration lesson = durationSeconds == null ? Duration.ofHours(1) : Duration.ofSeconds(durationSeconds.longValue());
        Duration lifetime = Duration.ofMinutes(15).plus(lesson.multipliedBy(2));
        return lifetime.compareTo(Duration.ofHours(12)) > 0 ? Duration.ofHours(12) : lifetime;
    }

    private final GetRecording get;
    private final AudioStore store;
    private final Optional<DirectUploads> directUploads;

    @Inject
    public GetRecordingAudio(GetRecording get, AudioStore store, Optional<DirectUploads> directUploads) {
        this.get = get;
        this.store = store;
        this.directUploads = directUploads;
    }

    public Result<Playback> execute(Actor actor, String recordingId) {
        return get.execute(actor, recordingId).flatMap(this::playback);
    }

    private Result<Playback> playback(Recording r) {
        if (!r.hasAudio()) {
            return Result.ok(new Removed(r.audioDeletedAt()));
        }
        if (r.status() == RecordingStatus.UPLOADING) {
            return Result.rejected(Rejection.conflict("the audio is still being uploaded"));
        }
        if (r.contentType() == null && r.sizeBytes() == 0) { // a transcript imported without its audio
            return Result.rejected(Rejection.notFound("audio"));
        }
        if (directUploads.isPresent()) {
            return Result.ok(new Signed(directUploads.get().presignDownload(r.audioKey(),
                    signedAddressLifetime(r.durationSeconds()))));
        }
        String type = r.contentType() == null ? "application/octet-stream" : r.contentType();
        return Result.ok(new Stored(type, r.sizeBytes(), () -> store.open(r.audioKey())));
    }
}

package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.audio.PcmWavHeader;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.telemetry.LogContext;
import org.classreflect.core.storage.DirectUploads;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;

/**
 * Second half of a browser-to-storage upload: looks at what arrived (size, first bytes, then its length: a PCM WAV's
 * from its header and size, anything else's from the decoder) and only then queues it. A refused file is deleted with its recording, exactly as a refused upload through the API is. The
 * template named for its analysis is checked first; the analysis is queued once the upload is finished.
 */
public final class FinishDirectUpload {

    private final Optional<DirectUploads> directUploads;
    private final GetRecording getRecording;
    private final Recordings recordings;
    private final AudioStore audioStore;
    private final StoredAudioCheck audioCheck;
    private final JobQueue queue;
    private final UploadLimits limits;
    private final UploadAnalysis analysis;
    private final Clock clock;
    private final AudioSniffer sniffer = new AudioSniffer();

    private final LogContext logContext;

    @Inject
    public FinishDirectUpload(Optional<DirectUploads> directUploads, GetRecording getRecording, Recordings recordings,
                              AudioStore audioStore, StoredAudioCheck audioCheck, JobQueue queue, UploadLimits limits,
                              UploadAnalysis analysis, Clock clock, LogContext logContext) {
        this.logContext = logContext;
        this.directUploads = directUploads;
        this.getRecording = getRecording;
        this.recordings = recordings;
        this.audioStore = audioStore;
        this.audioCheck = audioCheck;
        this.queue = queue;
        this.limits = limits;
        this.analysis = analysis;
        this.clock = clock;
    }

    /** @param templateId the template to analyse with; null for the school's default template */
    public Result<Recording> execute(Actor actor, String recordingId, String templateId) throws IOException {
        Result<Recording> found = getRecording.execute(actor, recordingId);
        if (found instanceof Result.Rejected<Recording> refused) {
            return found;
        }
        Recording started = found.orElseThrow();
        Result<UploadAnalysis.Plan> plan = analysis.check(actor, started.schoolId(), templateId);
        if (plan instanceof Result.Rejected<UploadAnalysis.Plan> refused) {
            return Result.rejected(refused.rejection());
        }
        if (started.status() != RecordingStatus.UPLOADING || directUploads.isEmpty()) {
            return Result.rejected(Rejection.conflict("this recording is not waiting for a direct upload; it is "
                    + started.status().wireName()));
        }
        Optional<DirectUploads.UploadedObject> arrived =
                directUploads.get().inspect(started.audioKey(), AudioIntake.HEAD_BYTES);
        if (arrived.isEmpty()) {
            return Result.rejected(Rejection.invalid("nothing has arrived yet: PUT the file to the signed address, "
                    + "then finish the upload"));
        }
        Result<AudioInfo> verdict = judge(started, arrived.get());
        if (verdict instanceof Result.Rejected<AudioInfo> refused) {
            audioStore.delete(started.audioKey());
            recordings.delete(started.id());
            return Result.rejected(refused.rejection());
        }
        // The store computed no checksum for us and reading the whole object again only for one is not worth it.
        Recording queued = started.uploaded(arrived.get().sizeBytes(), null, clock.instant())
                .withDuration(verdict.orElseThrow().durationSeconds());
        if (!recordings.update(queued, RecordingStatus.UPLOADING)) {
            // A second finish of the same upload lost the race: the first one queued it; leave everything as is.
            return Result.rejected(Rejection.conflict("this upload has already been finished"));
        }
        queue.enqueue(new Job(queued.id(), logContext.get(LogContext.REQUEST_ID).orElse(null)));
        analysis.queue(queued, plan.orElseThrow());
        return Result.ok(queued);
    }

    /** Whether what arrived may be kept: size, first bytes, then its length (a PCM WAV's from its header). */
    private Result<AudioInfo> judge(Recording started, DirectUploads.UploadedObject arrived) throws IOException {
        if (arrived.sizeBytes() > limits.maxBytes()) {
            return Result.rejected(Rejection.Reason.TOO_LARGE,
                    "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
        }
        byte[] header = arrived.header();
        if (sniffer.detect(header, header.length).isEmpty()) {
            return Result.rejected(header.length == 0 ? Rejection.invalid("the file is empty")
                    : new Rejection(Rejection.Reason.UNSUPPORTED_MEDIA_TYPE, "the file is not audio: it looks like "
                    + sniffer.describe(header, header.length)));
        }
        Optional<PcmWavHeader> pcmWav = PcmWavHeader.read(header, header.length);
        return pcmWav.isPresent() ? audioCheck.check(pcmWav.get(), arrived.sizeBytes())
                : audioCheck.check(started.audioKey());
    }
}

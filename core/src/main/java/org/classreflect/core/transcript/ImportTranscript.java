package org.classreflect.core.transcript;

import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.classreflect.core.audio.AudioInfo;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.AudioFormat;
import org.classreflect.core.recording.AudioSniffer;
import org.classreflect.core.recording.CountingDigestInputStream;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.recording.StoredAudioCheck;
import org.classreflect.core.recording.UploadAnalysis;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.recording.UploadOwner;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.transcript.format.TimedText;
import org.classreflect.core.transcript.format.TranscriptText;

/**
 * A lesson whose transcript the caller already has: from the cues it supplies, or from the text of an SRT or WebVTT
 * file, with or without the audio. Everything is checked before anything is stored (the owner, the template, the
 * transcript, then the audio as for any upload); a refusal leaves neither a row nor a file. The recording is created
 * for the teacher, goes straight to transcribed and completed (no worker transcribes it), and its analysis is queued
 * as after an upload. Speaker labels in the transcript win over the estimate from the audio.
 */
public final class ImportTranscript {

    /** The engine named on an imported transcript. */
    public static final String ENGINE = "import";

    /**
     * @param teacherId      whose lesson it is; a teacher may leave it out, a manager or admin must name one
     * @param fileName       the transcript file's name, kept as the recording's name when no audio comes with it
     * @param transcriptText the text of an SRT or WebVTT file; or null, and then {@code cues}
     * @param cues           the cues already read (e.g. from ClassReflect's JSON export); used when there is no text
     * @param audio          the lesson audio, or null
     * @param templateId     the template to analyse with; null for the school's default template
     */
    public record Command(String teacherId, RecordingMetadata metadata, String fileName, String transcriptText,
                          List<TimedText> cues, Audio audio, String templateId) {
    }

    /** The audio that came with the transcript, as for an upload. */
    public record Audio(String originalFileName, Long declaredSize, InputStream content) {
    }

    private final Recordings recordings;
    private final Transcripts transcripts;
    private final UploadOwner owner;
    private final AudioStore audioStore;
    private final UploadLimits limits;
    private final StoredAudioCheck audioCheck;
    private final UploadAnalysis analysis;
    private final Clock clock;
    private final AudioSniffer sniffer = new AudioSniffer();

    @Inject
    public ImportTranscript(Recordings recordings, Transcripts transcripts, Users users, AccessPolicy policy,
                            AudioStore audioStore, UploadLimits limits, StoredAudioCheck audioCheck,
                            UploadAnalysis analysis, Clock clock) {
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.owner = new UploadOwner(users, policy);
        this.audioStore = audioStore;
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
        User user = teacher.orElseThrow();
        Result<UploadAnalysis.Plan> plan = analysis.check(actor, user.schoolId(), command.templateId());
        if (plan instanceof Result.Rejected<UploadAnalysis.Plan> refused) {
            return Result.rejected(refused.rejection());
        }
        Result<List<TimedText>> cues = command.transcriptText() != null
                ? TranscriptText.parse(command.transcriptText()) : Result.ok(command.cues());
        Result<List<Segment>> segments = cues.flatMap(TimedText::check);
        if (segments instanceof Result.Rejected<List<Segment>> refused) {
            return Result.rejected(refused.rejection());
        }
        Audio audio = command.audio();
        BufferedInputStream in = null;
        String contentType = null;
        if (audio != null) {
            if (audio.declaredSize() != null && audio.declaredSize() > limits.maxBytes()) {
                return tooLarge();
            }
            in = new BufferedInputStream(audio.content(), 64 * 1024);
            Result<AudioFormat> format = sniffer.sniff(in);
            if (format instanceof Result.Rejected<AudioFormat> refused) {
                return Result.rejected(refused.rejection());
            }
            contentType = format.orElseThrow().contentType();
        }
        String name = safeName(audio != null ? audio.originalFileName() : command.fileName());
        Recording started = Recording.startUpload(Ids.newId(), user.schoolId(), user.id(), metadata, name,
                contentType, clock.instant());
        recordings.insert(started);
        Result<Recording> done = store(started, in, segments.orElseThrow());
        if (done instanceof Result.Ok<Recording> ok) {
            analysis.queue(ok.value(), plan.orElseThrow());
        }
        return done;
    }

    private Result<Recording> store(Recording started, InputStream audio, List<Segment> segments)
            throws IOException {
        try {
            long size = 0;
            String sha = null;
            Double seconds = null;
            if (audio != null) {
                CountingDigestInputStream counted = new CountingDigestInputStream(audio, limits.maxBytes());
                audioStore.put(started.audioKey(), counted);
                Result<AudioInfo> sound = audioCheck.check(started.audioKey());
                if (sound instanceof Result.Rejected<AudioInfo> refused) {
                    discard(started);
                    return Result.rejected(refused.rejection());
                }
                size = counted.count();
                sha = counted.sha256Hex();
                seconds = sound.orElseThrow().durationSeconds();
            }
            double audioSeconds = seconds != null ? seconds : segments.get(segments.size() - 1).end();
            Recording transcribed = started.imported(size, sha, clock.instant()).withDuration(audioSeconds);
            if (!recordings.update(transcribed, RecordingStatus.UPLOADING)) {
                discard(started); // deleted by its owner while it was still arriving
                return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
            }
            transcripts.saveIfAbsent(Transcript.of(started.id(), new Transcription(null, ENGINE, null, segments,
                    List.of(), audioSeconds), 0, clock.instant()));
            Recording completed = transcribed.completed(clock.instant());
            if (!recordings.update(completed, RecordingStatus.TRANSCRIBED)) {
                discard(started);
                return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
            }
            return Result.ok(completed);
        } catch (CountingDigestInputStream.LimitExceededException e) {
            discard(started);
            return tooLarge();
        } catch (IOException | RuntimeException e) {
            discard(started);
            throw e;
        }
    }

    private void discard(Recording started) throws IOException {
        audioStore.delete(started.audioKey());
        transcripts.delete(started.id());
        recordings.delete(started.id());
    }

    private Result<Recording> tooLarge() {
        return Result.rejected(Rejection.Reason.TOO_LARGE,
                "the file is larger than the limit of " + limits.maxBytes() / (1024 * 1024) + " MB");
    }

    private static String safeName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        if (base.isEmpty()) {
            return "transcript";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}

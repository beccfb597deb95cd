package org.classreflect.core.transcript;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.recording.AudioIntake;
import org.classreflect.core.recording.HeldAudio;
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
import org.classreflect.core.school.Users;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.transcript.format.TimedText;
import org.classreflect.core.transcript.format.TranscriptText;

/**
 * A lesson whose transcript the caller already has: from the cues it supplies, or from the text of an SRT or WebVTT
 * file, with or without the audio. Everything is checked before anything is stored (the owner, the template, the
 * transcript, then the audio as for any upload); a refusal leaves neither a row nor a file. The recording is created
 * for the teacher, goes straight to transcribed and completed (no worker transcribes it), and its analysis is queued
 * as after an upload. Speaker labels in the transcript win over the estimate from the audio. The audio may also come
 * already held (see {@link HeldAudio}), when a form's fields follow its file: it is then removed on any refusal.
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
    private final AudioIntake intake;
    private final UploadAnalysis analysis;
    private final Clock clock;

    @Inject
    public ImportTranscript(Recordings recordings, Transcripts transcripts, Users users, AccessPolicy policy,
                            AudioStore audioStore, UploadLimits limits, StoredAudioCheck audioCheck,
                            UploadAnalysis analysis, Clock clock) {
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.owner = new UploadOwner(users, policy);
        this.intake = new AudioIntake(audioStore, limits, audioCheck);
        this.analysis = analysis;
        this.clock = clock;
    }

    public Result<Recording> execute(Actor actor, Command command) throws IOException {
        return execute(actor, command, null);
    }

    /** With audio already held ({@code command.audio()} then null): it becomes the lesson's audio, or is removed. */
    public Result<Recording> execute(Actor actor, Command command, HeldAudio held) throws IOException {
        try {
            Result<Recording> done = importLesson(actor, command, held);
            if (held != null && !done.isOk()) {
                intake.discard(held.recordingId());
            }
            return done;
        } catch (IOException | RuntimeException e) {
            if (held != null) {
                intake.discard(held.recordingId());
            }
            throw e;
        }
    }

    private Result<Recording> importLesson(Actor actor, Command command, HeldAudio held) throws IOException {
        Result<UploadOwner.NewLesson> accepted = owner.accept(actor, command.teacherId(), command.metadata(),
                command.templateId(), analysis);
        if (accepted instanceof Result.Rejected<UploadOwner.NewLesson> refused) {
            return Result.rejected(refused.rejection());
        }
        Result<List<TimedText>> cues = command.transcriptText() != null
                ? TranscriptText.parse(command.transcriptText()) : Result.ok(command.cues());
        Result<List<Segment>> segments = cues.flatMap(TimedText::check);
        if (segments instanceof Result.Rejected<List<Segment>> refused) {
            return Result.rejected(refused.rejection());
        }
        Audio audio = command.audio();
        AudioIntake.Opened opened = null;
        if (audio != null) {
            Result<AudioIntake.Opened> open = intake.open(audio.declaredSize(), audio.content());
            if (open instanceof Result.Rejected<AudioIntake.Opened> refused) {
                return Result.rejected(refused.rejection());
            }
            opened = open.orElseThrow();
        }
        UploadOwner.NewLesson lesson = accepted.orElseThrow();
        String audioName = audio != null ? audio.originalFileName() : held != null ? held.originalFileName() : null;
        String name = UploadOwner.safeFileName(audioName != null ? audioName : command.fileName(), "transcript");
        String contentType = opened != null ? opened.contentType() : held != null ? held.contentType() : null;
        Recording started = Recording.startUpload(held != null ? held.recordingId() : Ids.newId(),
                lesson.teacher().schoolId(), lesson.teacher().id(), lesson.metadata(), name, contentType,
                clock.instant());
        recordings.insert(started);
        Result<Recording> done = store(started, opened, held == null ? null : held.taken(), segments.orElseThrow());
        if (done instanceof Result.Ok<Recording> ok) {
            analysis.queue(ok.value(), lesson.analysis());
        }
        return done;
    }

    /** Takes the streamed audio in (when there is some; else {@code held} is the audio, or null for none). */
    private Result<Recording> store(Recording started, AudioIntake.Opened audio, AudioIntake.Taken held,
                                    List<Segment> segments) throws IOException {
        try {
            AudioIntake.Taken taken = held;
            if (audio != null) {
                Result<AudioIntake.Taken> in = intake.take(started.audioKey(), audio);
                if (in instanceof Result.Rejected<AudioIntake.Taken> refused) {
                    recordings.delete(started.id());
                    return Result.rejected(refused.rejection());
                }
                taken = in.orElseThrow();
            }
            double seconds = taken != null ? taken.durationSeconds() : segments.get(segments.size() - 1).end();
            Recording transcribed = started.imported(taken == null ? 0 : taken.sizeBytes(),
                    taken == null ? null : taken.sha256Hex(), clock.instant()).withDuration(seconds);
            if (!recordings.update(transcribed, RecordingStatus.UPLOADING)) {
                discard(started); // deleted by its owner while it was still arriving
                return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
            }
            transcripts.saveIfAbsent(Transcript.of(started.id(), new Transcription(null, ENGINE, null, segments,
                    List.of(), seconds), 0, clock.instant()));
            Recording completed = transcribed.completed(clock.instant());
            if (!recordings.update(completed, RecordingStatus.TRANSCRIBED)) {
                discard(started);
                return Result.rejected(Rejection.conflict("the recording was deleted while it was uploading"));
            }
            return Result.ok(completed);
        } catch (IOException | RuntimeException e) {
            discard(started);
            throw e;
        }
    }

    private void discard(Recording started) throws IOException {
        intake.discard(started.audioKey());
        transcripts.delete(started.id());
        recordings.delete(started.id());
    }
}

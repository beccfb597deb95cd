package org.classreflect.core.analysis;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.classreflect.core.common.Ids;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.recording.Recordings;
import org.classreflect.core.recording.UploadAnalysis;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.template.Template;
import org.classreflect.core.template.Templates;

/**
 * Queues an analysis of a recording against the newest version of a template. A recording still being transcribed
 * gets it when its transcript is stored; for a completed one a job is queued for the worker. Every request adds one
 * analysis, so a recording can have several; the worker only runs analyses, it never adds them.
 */
public final class RequestAnalysis implements UploadAnalysis {

    /** The template checked before an upload; null when none was named. */
    private record Chosen(Template template) implements UploadAnalysis.Plan {
    }

    private final Analyses analyses;
    private final Templates templates;
    private final Recordings recordings;
    private final SchoolSettings settings;
    private final JobQueue queue;
    private final AccessPolicy policy;
    private final Clock clock;

    @Inject
    public RequestAnalysis(Analyses analyses, Templates templates, Recordings recordings, SchoolSettings settings,
                           JobQueue queue, AccessPolicy policy, Clock clock) {
        this.analyses = analyses;
        this.templates = templates;
        this.recordings = recordings;
        this.settings = settings;
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
    }

    public Result<Analysis> execute(Actor actor, String recordingId, String templateId) {
        return visibleRecording(actor, recordingId).flatMap(recording -> usableTemplate(recording.schoolId(),
                templateId).map(template -> queue(recording, template)));
    }

    /** Checks, before an upload, that the template named for it can be used by the school. */
    public Result<Template> checkForUpload(Actor actor, String schoolId, String templateId) {
        return policy.canSeeTemplate(actor, schoolId) ? usableTemplate(schoolId, templateId)
                : Result.rejected(Rejection.notFound("template"));
    }

    /** After an upload: the named template's analysis, or else the school's default template's, if it has one. */
    public Optional<Analysis> afterUpload(Recording recording, Template named) {
        Template template = named != null ? named : Optional.ofNullable(
                        settings.find(recording.schoolId()).defaultTemplateId())
                .flatMap(templates::latest).orElse(null);
        return Optional.ofNullable(template).map(t -> queue(recording, t));
    }

    @Override
    public Result<UploadAnalysis.Plan> check(Actor actor, String schoolId, String templateId) {
        if (templateId == null || templateId.isBlank()) {
            return Result.ok(new Chosen(null));
        }
        return checkForUpload(actor, schoolId, templateId).<UploadAnalysis.Plan>map(Chosen::new);
    }

    @Override
    public void queue(Recording recording, UploadAnalysis.Plan plan) {
        afterUpload(recording, plan instanceof Chosen chosen ? chosen.template() : null);
    }

    /** Queues a failed analysis again, with the same template version. */
    public Result<Analysis> retry(Actor actor, String recordingId, String analysisId) {
        return visibleRecording(actor, recordingId).flatMap(recording -> {
            Analysis failed = analyses.find(analysisId).filter(a -> a.recordingId().equals(recordingId))
                    .orElse(null);
            if (failed == null) {
                return Result.rejected(Rejection.notFound("analysis"));
            }
            Analysis queued = failed.retried();
            if (failed.status() != AnalysisStatus.FAILED || !analyses.update(queued, AnalysisStatus.FAILED)) {
                return Result.rejected(Rejection.conflict("only a failed analysis can be retried"));
            }
            wakeWorker(recording);
            return Result.ok(queued);
        });
    }

    private Analysis queue(Recording recording, Template template) {
        Analysis analysis = Analysis.queued(Ids.newId(), recording.id(), recording.schoolId(),
                recording.teacherId(), template, recording.createdAt(), clock.instant());
        analyses.insert(analysis);
        wakeWorker(recording);
        return analysis;
    }

    /**
     * Read after the row is stored: a recording not yet completed will run it when its transcript is in (the worker
     * completes the recording before it looks for queued analyses); a completed one needs a job.
     */
    private void wakeWorker(Recording recording) {
        recordings.find(recording.id()).filter(r -> r.status() == RecordingStatus.COMPLETED)
                .ifPresent(r -> queue.enqueue(new Job(r.id())));
    }

    private Result<Recording> visibleRecording(Actor actor, String recordingId) {
        return recordings.find(recordingId).filter(r -> policy.canSeeRecording(actor, r.schoolId(), r.teacherId()))
                .<Result<Recording>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("recording")));
    }

    private Result<Template> usableTemplate(String schoolId, String templateId) {
        if (templateId == null || templateId.isBlank()) {
            return Result.rejected(Rejection.invalid("name the template to analyse with (templateId)"));
        }
        return templates.latest(templateId).filter(t -> t.isGlobal() || t.schoolId().equals(schoolId))
                .<Result<Template>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("template")));
    }
}

package org.classreflect.core.recording;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.User;
import org.classreflect.core.school.Users;

/** Whose lesson an upload is: the teacher uploading, or the teacher a manager or admin names. */
public final class UploadOwner {

    private static final int MAX_FILE_NAME = 255;

    private final Users users;
    private final AccessPolicy policy;

    @Inject
    public UploadOwner(Users users, AccessPolicy policy) {
        this.users = users;
        this.policy = policy;
    }

    /** What every new lesson passes before a byte is stored: who it belongs to, and which analysis will follow. */
    public record NewLesson(User teacher, RecordingMetadata metadata, UploadAnalysis.Plan analysis) {
    }

    /**
     * The checks every path that starts a lesson makes first: its details, whose it is (the actor may file it for
     * that teacher), and that the analysis asked for (or the school's default) can run for the teacher's school.
     */
    public Result<NewLesson> accept(Actor actor, String teacherId, RecordingMetadata details, String templateId,
                                    UploadAnalysis analysis) {
        RecordingMetadata metadata = details == null ? RecordingMetadata.NONE : details;
        String problem = metadata.problem();
        if (problem != null) {
            return Result.rejected(Rejection.invalid(problem));
        }
        return resolve(actor, teacherId).flatMap(teacher -> analysis.check(actor, teacher.schoolId(), templateId)
                .map(plan -> new NewLesson(teacher, metadata, plan)));
    }

    /** A file name safe to keep and show: no folders, no control characters, at most 255 characters. */
    public static String safeFileName(String name, String fallback) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").trim();
        if (base.isEmpty()) {
            return fallback;
        }
        return base.length() > MAX_FILE_NAME ? base.substring(base.length() - MAX_FILE_NAME) : base;
    }

    public Result<User> resolve(Actor actor, String teacherId) {
        String id = teacherId;
        if (id == null) {
            if (!actor.is(Role.TEACHER)) {
                return Result.rejected(Rejection.invalid("teacherId is required when a "
                        + actor.role().wireName() + " uploads"));
            }
            id = actor.userId();
        }
        return users.find(id)
                .filter(u -> policy.canUploadFor(actor, u))
                .<Result<User>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("teacher")));
    }
}

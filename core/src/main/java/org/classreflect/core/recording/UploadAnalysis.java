package org.classreflect.core.recording;

import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.Actor;

/**
 * Port: the analysis an upload asks for. The upload use cases check the named template before they store anything
 * and queue the analysis once the upload has succeeded; {@code analysis.RequestAnalysis} implements it (this package
 * may not depend on analysis, which depends on it).
 */
public interface UploadAnalysis {

    /** What the check agreed to: a named template, or none (then the school's default template applies, if any). */
    interface Plan {
    }

    /** Before anything is stored: whether the template named (null or blank: none) may be used for the school. */
    Result<Plan> check(Actor actor, String schoolId, String templateId);

    /** After a successful upload: queues the planned template's analysis, or else the school's default one's. */
    void queue(Recording recording, Plan plan);

    /** For callers that run without analysis (tools, tests): refuses a named template, queues nothing. */
    UploadAnalysis NONE = new UploadAnalysis() {
        @Override
        public Result<Plan> check(Actor actor, String schoolId, String templateId) {
            return templateId == null || templateId.isBlank() ? Result.ok(new Plan() {
            }) : Result.rejected(Rejection.notFound("template"));
        }

        @Override
        public void queue(Recording recording, Plan plan) {
        }
    };
}

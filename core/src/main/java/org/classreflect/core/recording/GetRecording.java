package org.classreflect.core.recording;

import jakarta.inject.Inject;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;

public final class GetRecording {

    private final Recordings recordings;
    private final AccessPolicy policy;

    @Inject
    public GetRecording(Recordings recordings, AccessPolicy policy) {
        this.recordings = recordings;
        this.policy = policy;
    }

    /** The recording, or not found when it does not exist or the actor may not see it (the two look the same). */
    public Result<Recording> execute(Actor actor, String recordingId) {
        return recordings.find(recordingId)
                .filter(r -> policy.canSeeRecording(actor, r.schoolId(), r.teacherId()))
                .<Result<Recording>>map(Result::ok)
                .orElseGet(() -> Result.rejected(Rejection.notFound("recording")));
    }
}

package org.classreflect.core.recording;

import jakarta.inject.Inject;
import java.util.Set;
import org.classreflect.core.common.Page;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.school.AccessPolicy;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.RecordingScope;

/** A page of the recordings an actor may see, each with its teacher's name, with a total counted up to {@value #COUNT_CAP} past its offset. */
public final class ListRecordings {

    public static final int COUNT_CAP = 1_000;

    /** Optional filters (no statuses: any); the actor's own scope always applies on top of them. */
    public record Filter(String teacherId, Set<RecordingStatus> statuses, RecordingSearch search, PageRequest page) {
    }

    private final Recordings recordings;
    private final RecordingTextSearch textSearch;
    private final AccessPolicy policy;

    @Inject
    public ListRecordings(Recordings recordings, RecordingTextSearch textSearch, AccessPolicy policy) {
        this.recordings = recordings;
        this.textSearch = textSearch;
        this.policy = policy;
    }

    public Page<ListedRecording> execute(Actor actor, Filter filter) {
        RecordingScope scope = policy.recordingScope(actor);
        var query = new RecordingQuery(scope, filter.teacherId(), filter.statuses(), filter.page(), filter.search(),
                COUNT_CAP);
        return query.search().text() == null ? recordings.list(query) : textSearch.search(query);
    }
}

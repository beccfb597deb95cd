package org.classreflect.core.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: the figures the super admin's pages count, read across every school. */
public interface UsageStatistics {

    /** Counts by school id; a school with no users and no recordings may be missing. */
    Map<String, SchoolCounts> countsBySchool();

    /** Every recording uploaded at or after {@code from} (uploads still in progress are not usage yet). */
    List<RecordedAudio> recordedSince(Instant from);
}

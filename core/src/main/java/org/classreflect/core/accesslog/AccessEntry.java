package org.classreflect.core.accesslog;

import java.time.Instant;
import java.util.Objects;
import org.classreflect.core.school.Role;

/**
 * One line of the access log: who ({@code actorId}, their role and school), did what, to which thing (kind and id),
 * whose data that is ({@code schoolId}, and in {@code teacherId} the person: the teacher of a lesson, the user of an
 * account; null when none), when, and from which address. Only ids are
 * kept, so an entry outlives the thing it names. A failed sign-in has no one signed in: its actor is
 * {@link #NO_ONE} with no role (null) and no school.
 */
public record AccessEntry(String id, Instant at, String actorId, Role actorRole, String actorSchoolId,
                          AccessAction action, TargetKind targetKind, String targetId, String schoolId,
                          String teacherId, String fromAddress, String detail) {

    /** The actor of an entry written while no one was signed in. */
    public static final String NO_ONE = "anonymous";

    public AccessEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetKind, "targetKind");
    }
}

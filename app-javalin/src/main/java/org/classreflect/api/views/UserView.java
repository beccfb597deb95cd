package org.classreflect.api.views;

import java.time.Instant;
import org.classreflect.core.school.User;

/** A user as the API shows it: never the password hash. */
public record UserView(String id, String schoolId, String email, String displayName, String role, boolean active,
                       boolean mustChangePassword, Instant createdAt) {

    public static UserView of(User u) {
        return new UserView(u.id(), u.schoolId(), u.email(), u.displayName(), u.role().wireName(), u.active(),
                u.mustChangePassword(), u.createdAt());
    }
}

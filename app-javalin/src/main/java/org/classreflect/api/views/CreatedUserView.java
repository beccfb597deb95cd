package org.classreflect.api.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.classreflect.core.school.CreateUser;

/**
 * A new user as {@link UserView} shows it, plus the temporary password the server chose when the request named none:
 * shown once, never retrievable again, and absent when the caller set the password.
 */
public record CreatedUserView(String id, String schoolId, String email, String displayName, String role,
                              boolean active, boolean mustChangePassword, Instant createdAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String temporaryPassword) {

    public static CreatedUserView of(CreateUser.Created created) {
        UserView u = UserView.of(created.user());
        return new CreatedUserView(u.id(), u.schoolId(), u.email(), u.displayName(), u.role(), u.active(),
                u.mustChangePassword(), u.createdAt(), created.temporaryPassword());
    }
}

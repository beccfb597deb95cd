package org.classreflect.api.views;

import org.classreflect.core.school.ManageUser;

/** A user and the temporary password just given to them: shown once, never retrievable again. */
public record TemporaryPasswordView(UserView user, String temporaryPassword) {

    public static TemporaryPasswordView of(ManageUser.TemporaryPassword issued) {
        return new TemporaryPasswordView(UserView.of(issued.user()), issued.password());
    }
}

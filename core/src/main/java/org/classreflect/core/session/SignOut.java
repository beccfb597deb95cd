package org.classreflect.core.session;

import jakarta.inject.Inject;
import org.classreflect.core.school.Users;

/**
 * Signs the credential's user out everywhere: their token version is bumped, so every access token and personal API
 * token issued to them so far stops working, on every device. (One version per user keeps the check to a number on
 * the user; signing out one browser alone would need a list of revoked tokens.) An invalid credential changes nothing.
 */
public final class SignOut {

    private final AuthenticateAccessToken authenticate;
    private final Users users;

    @Inject
    public SignOut(AuthenticateAccessToken authenticate, Users users) {
        this.authenticate = authenticate;
        this.users = users;
    }

    /** True when a user was signed out. */
    public boolean execute(String credential) {
        return authenticate.execute(credential).map(signedIn -> {
            users.bumpTokenVersion(signedIn.actor().userId());
            return true;
        }).orElse(false);
    }
}

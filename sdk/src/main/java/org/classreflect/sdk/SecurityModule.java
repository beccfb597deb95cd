package org.classreflect.sdk;

import org.classreflect.adapters.security.NbvcxzPasswordPolicy;
import org.classreflect.core.school.PasswordPolicy;

/** Touches classreflect-adapters-security; loaded only once {@link OptionalAdapters} found it on the class path. */
final class SecurityModule {

    private SecurityModule() {
    }

    static PasswordPolicy passwordPolicy() {
        return new NbvcxzPasswordPolicy();
    }
}

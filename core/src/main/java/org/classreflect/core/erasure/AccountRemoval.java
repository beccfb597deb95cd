package org.classreflect.core.erasure;

/**
 * Port: removes the account data of an erased teacher or school, all of it or none (one transaction): their API
 * tokens and user rows and, for a school, its own templates, its settings (analysis and privacy) and the school itself. Their recordings
 * must be gone first. Removing what is already gone does nothing, so a resumed erasure can run it again.
 */
public interface AccountRemoval {

    void removeTeacher(String userId);

    void removeSchool(String schoolId);
}

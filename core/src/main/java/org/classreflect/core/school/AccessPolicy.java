package org.classreflect.core.school;

import jakarta.inject.Inject;

/**
 * Who may see and do what. Every use case asks here, so an embedding school system gets the same protection as the
 * HTTP API. A recording an actor may not see is reported as not found, never as forbidden: no existence leak.
 */
public final class AccessPolicy {

    @Inject
    public AccessPolicy() {
        // stateless: the rules are the code below
    }

    /** Whether the actor may see a recording of this school and teacher, and what was made of it. */
    public boolean canSeeRecording(Actor actor, String schoolId, String teacherId) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> true;
            case SCHOOL_MANAGER -> schoolId.equals(actor.schoolId());
            case TEACHER -> teacherId.equals(actor.userId());
        };
    }

    /** The filter that limits a listing to what the actor may see. */
    public RecordingScope recordingScope(Actor actor) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> RecordingScope.everything();
            case SCHOOL_MANAGER -> RecordingScope.school(actor.schoolId());
            case TEACHER -> RecordingScope.teacher(actor.userId());
        };
    }

    /** Whether the actor may file a recording for this teacher (themselves, or a teacher they manage). */
    public boolean canUploadFor(Actor actor, User teacher) {
        if (teacher.role() != Role.TEACHER || !teacher.active()) {
            return false;
        }
        return switch (actor.role()) {
            case SUPER_ADMIN -> true;
            case SCHOOL_MANAGER -> teacher.schoolId().equals(actor.schoolId());
            case TEACHER -> teacher.id().equals(actor.userId());
        };
    }

    public boolean canCreateSchool(Actor actor) {
        return actor.is(Role.SUPER_ADMIN);
    }

    public boolean canSeeSchool(Actor actor, String schoolId) {
        return actor.is(Role.SUPER_ADMIN) || schoolId.equals(actor.schoolId());
    }

    /** Super admins create anyone; school managers create teachers of their own school; teachers create no one. */
    public boolean canCreateUser(Actor actor, Role role, String schoolId) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> true;
            case SCHOOL_MANAGER -> role == Role.TEACHER && actor.schoolId().equals(schoolId);
            case TEACHER -> false;
        };
    }

    public boolean canListUsers(Actor actor) {
        return !actor.is(Role.TEACHER);
    }

    public boolean canSeeUser(Actor actor, User user) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> true;
            case SCHOOL_MANAGER -> actor.schoolId().equals(user.schoolId());
            case TEACHER -> actor.userId().equals(user.id());
        };
    }

    /** Global templates are everyone's; a school's templates its own users' (and super admins'). */
    public boolean canSeeTemplate(Actor actor, String templateSchoolId) {
        return templateSchoolId == null || canSeeSchool(actor, templateSchoolId);
    }

    /** Super admins edit any template, global ones included; school managers their own school's. */
    public boolean canEditTemplate(Actor actor, String templateSchoolId) {
        return actor.is(Role.SUPER_ADMIN)
                || actor.is(Role.SCHOOL_MANAGER) && templateSchoolId != null && templateSchoolId.equals(actor.schoolId());
    }

    /** Change a school's settings, read its summary: its managers and super admins. */
    public boolean canManageSchool(Actor actor, String schoolId) {
        return actor.is(Role.SUPER_ADMIN) || actor.is(Role.SCHOOL_MANAGER) && schoolId.equals(actor.schoolId());
    }

    /**
     * Change a user's details, role or status, or give them a temporary password: super admins anyone, school
     * managers the teachers and managers of their own school.
     */
    public boolean canManageUser(Actor actor, User user) {
        return switch (actor.role()) {
            case SUPER_ADMIN -> true;
            case SCHOOL_MANAGER -> user.role() != Role.SUPER_ADMIN && actor.schoolId().equals(user.schoolId());
            case TEACHER -> false;
        };
    }

    /** Rename schools, read every school's figures, usage and cost, change the system settings: super admins. */
    public boolean canAdministerSystem(Actor actor) {
        return actor.is(Role.SUPER_ADMIN);
    }
}

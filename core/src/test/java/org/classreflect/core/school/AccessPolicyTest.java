package org.classreflect.core.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final AccessPolicy policy = new AccessPolicy();

    private final Actor admin = new Actor("admin", Role.SUPER_ADMIN, null);
    private final Actor managerA = new Actor("mA", Role.SCHOOL_MANAGER, "schoolA");
    private final Actor teacherA1 = new Actor("tA1", Role.TEACHER, "schoolA");
    private final Actor teacherA2 = new Actor("tA2", Role.TEACHER, "schoolA");
    private final Actor teacherB1 = new Actor("tB1", Role.TEACHER, "schoolB");

    @Test
    void teachersSeeTheirOwnRecordingsOnly() {
        assertThat(seesLessonOfA1(teacherA1)).isTrue();
        assertThat(seesLessonOfA1(teacherA2)).isFalse();
        assertThat(seesLessonOfA1(teacherB1)).isFalse();
        assertThat(policy.recordingScope(teacherA1)).isEqualTo(RecordingScope.teacher("tA1"));
    }

    @Test
    void managersSeeTheirSchoolAndAdminsSeeEverything() {
        assertThat(seesLessonOfA1(managerA)).isTrue();
        assertThat(seesLessonOfA1(new Actor("mB", Role.SCHOOL_MANAGER, "schoolB"))).isFalse();
        assertThat(seesLessonOfA1(admin)).isTrue();
        assertThat(policy.recordingScope(managerA)).isEqualTo(RecordingScope.school("schoolA"));
        assertThat(policy.recordingScope(admin)).isEqualTo(RecordingScope.everything());
    }

    @Test
    void managersCreateOnlyTeachersOfTheirOwnSchool() {
        assertThat(policy.canCreateUser(managerA, Role.TEACHER, "schoolA")).isTrue();
        assertThat(policy.canCreateUser(managerA, Role.TEACHER, "schoolB")).isFalse();
        assertThat(policy.canCreateUser(managerA, Role.SCHOOL_MANAGER, "schoolA")).isFalse();
        assertThat(policy.canCreateUser(teacherA1, Role.TEACHER, "schoolA")).isFalse();
        assertThat(policy.canCreateUser(admin, Role.SCHOOL_MANAGER, "schoolB")).isTrue();
        assertThat(policy.canCreateSchool(managerA)).isFalse();
        assertThat(policy.canCreateSchool(admin)).isTrue();
    }

    @Test
    void uploadsAreForActiveTeachersTheActorIsResponsibleFor() {
        User a1 = new User("tA1", "schoolA", "a1@x.org", "A1", Role.TEACHER, "h", true, false, NOW, null);
        User inactive = new User("tA3", "schoolA", "a3@x.org", "A3", Role.TEACHER, "h", false, false, NOW, null);
        User manager = new User("mA", "schoolA", "m@x.org", "M", Role.SCHOOL_MANAGER, "h", true, false, NOW, null);
        assertThat(policy.canUploadFor(teacherA1, a1)).isTrue();
        assertThat(policy.canUploadFor(teacherA2, a1)).isFalse();
        assertThat(policy.canUploadFor(managerA, a1)).isTrue();
        assertThat(policy.canUploadFor(teacherB1, a1)).isFalse();
        assertThat(policy.canUploadFor(managerA, inactive)).isFalse();
        assertThat(policy.canUploadFor(admin, manager)).as("recordings belong to teachers").isFalse();
    }

    @Test
    void managersManageTheTeachersAndManagersOfTheirSchoolOnly() {
        User teacherOfA = new User("tA1", "schoolA", "t@a.example", "T", Role.TEACHER, "h", true, false, NOW, null);
        User otherManagerOfA = new User("mA2", "schoolA", "m@a.example", "M", Role.SCHOOL_MANAGER, "h", true, false,
                NOW, null);
        User teacherOfB = new User("tB1", "schoolB", "t@b.example", "T", Role.TEACHER, "h", true, false, NOW, null);
        User superAdmin = new User("admin", null, "root@example", "R", Role.SUPER_ADMIN, "h", true, false, NOW, null);

        assertThat(policy.canManageUser(managerA, teacherOfA)).isTrue();
        assertThat(policy.canManageUser(managerA, otherManagerOfA)).isTrue();
        assertThat(policy.canManageUser(managerA, teacherOfB)).isFalse();
        assertThat(policy.canManageUser(managerA, superAdmin)).isFalse();
        assertThat(policy.canManageUser(teacherA1, teacherOfA)).isFalse();
        assertThat(policy.canManageUser(admin, teacherOfB)).isTrue();
        assertThat(policy.canManageUser(admin, superAdmin)).isTrue();
    }

    /** A recording of teacher tA1 of school A. */
    private boolean seesLessonOfA1(Actor actor) {
        return policy.canSeeRecording(actor, "schoolA", "tA1");
    }
}

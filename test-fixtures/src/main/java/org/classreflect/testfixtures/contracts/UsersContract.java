package org.classreflect.testfixtures.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.User;
import org.classreflect.core.school.UserWithTokenVersion;
import org.classreflect.core.school.Users;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Users} adapter must do. Users belong to schools, so the store comes with its schools. */
public abstract class UsersContract {

    public record Stores(Schools schools, Users users) {
    }

    private Users users;

    /** Empty stores: new ones, or shared ones the subclass has just cleaned. */
    protected abstract Stores emptyStores();

    @BeforeEach
    void setUpStores() {
        Stores stores = emptyStores();
        stores.schools().insert(ASchool.named("s-1", "Oak Primary"));
        stores.schools().insert(ASchool.named("s-2", "Elm Primary"));
        users = stores.users();
    }

    @Test
    void roundTripsEveryField() {
        User teacher = new User("u-1", "s-1", "ada@oak.example", "Ada Lovelace", Role.TEACHER, "$argon2id$v=19$x",
                false, true, Instant.parse("2026-02-03T04:05:06.789Z"), "host-ada");
        User admin = new User("u-2", null, "root@example", "Root", Role.SUPER_ADMIN, "h", true, false,
                Instant.parse("2026-02-03T04:05:06.001Z"), null);
        users.insert(teacher);
        users.insert(admin);

        assertThat(users.find("u-1")).hasValue(teacher);
        assertThat(users.find("u-2")).hasValue(admin);
        assertThat(users.find("u-3")).isEmpty();
    }

    @Test
    void aTokenVersionStartsAtZeroRisesByOneAndSurvivesUpdates() {
        User teacher = AUser.teacher("u-1", "s-1");
        users.insert(teacher);
        users.insert(AUser.teacher("u-2", "s-1"));
        assertThat(users.tokenVersion("u-1")).isZero();
        assertThat(users.tokenVersion("nobody")).isZero();
        users.bumpTokenVersion("u-1");
        users.bumpTokenVersion("u-1");
        users.update(teacher);
        assertThat(users.tokenVersion("u-1")).isEqualTo(2);
        assertThat(users.tokenVersion("u-2")).isZero();
        users.bumpTokenVersion("nobody");
        assertThat(users.tokenVersion("nobody")).isZero();
    }

    @Test
    void readsAUserWithTheirCurrentTokenVersionAtOnce() {
        User teacher = AUser.teacher("u-1", "s-1");
        users.insert(teacher);
        users.insert(AUser.teacher("u-2", "s-1"));
        users.bumpTokenVersion("u-1");

        assertThat(users.findWithTokenVersion("u-1")).hasValue(new UserWithTokenVersion(teacher, 1));
        assertThat(users.findWithTokenVersion("u-2")).hasValue(new UserWithTokenVersion(AUser.teacher("u-2", "s-1"), 0));
        assertThat(users.findWithTokenVersion("nobody")).isEmpty();
    }

    @Test
    void findsByEmail() {
        users.insert(AUser.teacher("u-1", "s-1"));
        users.insert(AUser.teacher("u-2", "s-1"));

        assertThat(users.findByEmail("u-2@school.example")).hasValue(AUser.teacher("u-2", "s-1"));
        assertThat(users.findByEmail("nobody@school.example")).isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameEmail() {
        users.insert(AUser.teacher("u-1", "s-1"));
        User sameEmail = new User("u-2", "s-2", "u-1@school.example", "Other", Role.TEACHER, "h", true, false,
                Instant.parse("2026-02-03T04:05:06.789Z"), null);

        assertThatThrownBy(() -> users.insert(sameEmail)).isInstanceOf(RuntimeException.class);
        assertThat(users.find("u-2")).isEmpty();
        assertThat(users.findByEmail("u-1@school.example")).hasValue(AUser.teacher("u-1", "s-1"));
    }

    @Test
    void updatesEveryChangeableField() {
        users.insert(AUser.teacher("u-1", "s-1"));
        User changed = new User("u-1", "s-1", "new@school.example", "New Name", Role.SCHOOL_MANAGER, "new-hash",
                false, true, AUser.teacher("u-1", "s-1").createdAt(), "host-u-1");

        users.update(changed);

        assertThat(users.find("u-1")).hasValue(changed);
        assertThat(users.findByEmail("u-1@school.example")).isEmpty();
    }

    @Test
    void updatingOneUserLeavesTheOthersAlone() {
        users.insert(AUser.teacher("u-1", "s-1"));
        users.insert(AUser.teacher("u-2", "s-1"));

        User u1 = AUser.teacher("u-1", "s-1");
        users.update(new User(u1.id(), u1.schoolId(), u1.email(), u1.displayName(), u1.role(), "changed",
                u1.active(), u1.mustChangePassword(), u1.createdAt(), u1.externalId()));

        assertThat(users.find("u-2")).hasValue(AUser.teacher("u-2", "s-1"));
    }

    @Test
    void listsTheUsersOfOneSchoolOrOfAll() {
        users.insert(AUser.teacher("u-1", "s-1"));
        users.insert(AUser.manager("u-2", "s-1"));
        users.insert(AUser.teacher("u-3", "s-2"));
        users.insert(AUser.superAdmin("u-4"));

        assertThat(users.list("s-1")).extracting(User::id).containsExactlyInAnyOrder("u-1", "u-2");
        assertThat(users.list("s-2")).extracting(User::id).containsExactly("u-3");
        assertThat(users.list(null)).extracting(User::id).containsExactlyInAnyOrder("u-1", "u-2", "u-3", "u-4");
    }

    @Test
    void tellsWhetherAnyoneHasARole() {
        assertThat(users.anyWithRole(Role.SUPER_ADMIN)).isFalse();
        users.insert(AUser.teacher("u-1", "s-1"));

        assertThat(users.anyWithRole(Role.TEACHER)).isTrue();
        assertThat(users.anyWithRole(Role.SUPER_ADMIN)).isFalse();
        assertThat(users.anyWithRole(Role.SCHOOL_MANAGER)).isFalse();

        users.insert(AUser.superAdmin("u-2"));
        assertThat(users.anyWithRole(Role.SUPER_ADMIN)).isTrue();
    }

    @Test
    void insertsManyAtOnce() {
        users.insertAll(List.of(AUser.teacher("u-1", "s-1"), AUser.teacher("u-2", "s-1")));

        assertThat(users.list("s-1")).containsExactlyInAnyOrder(AUser.teacher("u-1", "s-1"),
                AUser.teacher("u-2", "s-1"));
    }

    @Test
    void insertsNoneOfManyWhenOneCannotBeStored() {
        users.insert(AUser.teacher("u-2", "s-1"));
        User sameEmailAsU2 = new User("u-3", "s-1", "u-2@school.example", "Clash", Role.TEACHER, "h", true, false,
                Instant.parse("2026-02-03T04:05:06.789Z"), null);

        assertThatThrownBy(() -> users.insertAll(List.of(AUser.teacher("u-1", "s-1"), sameEmailAsU2)))
                .isInstanceOf(RuntimeException.class);

        assertThat(users.list("s-1")).containsExactly(AUser.teacher("u-2", "s-1"));
    }

    @Test
    void findsAUserByTheirExternalId() {
        User hosted = hostTeacher("u-1", "host-1");
        users.insert(hosted);
        users.insert(AUser.teacher("u-2", "s-1"));

        assertThat(users.findByExternalId("host-1")).hasValue(hosted);
        assertThat(users.find("u-2").orElseThrow().externalId()).isNull();
    }

    @Test
    void findsNothingForAnUnknownExternalId() {
        users.insert(hostTeacher("u-1", "host-1"));
        users.insert(AUser.teacher("u-2", "s-1"));

        assertThat(users.findByExternalId("host-2")).isEmpty();
        assertThat(users.findByExternalId("HOST-1")).as("external ids are compared exactly").isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameExternalIdButAllowsManyWithout() {
        users.insert(hostTeacher("u-1", "host-1"));
        users.insert(AUser.teacher("u-2", "s-1"));
        users.insert(AUser.teacher("u-3", "s-1"));

        assertThatThrownBy(() -> users.insert(hostTeacher("u-4", "host-1"))).isInstanceOf(RuntimeException.class);
        assertThat(users.find("u-4")).isEmpty();
    }

    @Test
    void refusesToGiveAUserAnotherUsersExternalId() {
        users.insert(hostTeacher("u-1", "host-1"));
        users.insert(hostTeacher("u-2", "host-2"));
        User u2 = users.find("u-2").orElseThrow();

        assertThatThrownBy(() -> users.update(new User(u2.id(), u2.schoolId(), u2.email(), u2.displayName(),
                u2.role(), u2.passwordHash(), u2.active(), u2.mustChangePassword(), u2.createdAt(), "host-1")))
                .isInstanceOf(RuntimeException.class);
        assertThat(users.findByExternalId("host-2")).hasValue(u2);
    }

    private static User hostTeacher(String id, String externalId) {
        return new User(id, "s-1", id + "@oak.example", "Host " + id, Role.TEACHER, User.NO_PASSWORD, true, false,
                Instant.parse("2026-02-03T04:05:06.789Z"), externalId);
    }
}

package org.classreflect.core.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classreflect.core.InMemoryCore.PASSWORD;
import static org.classreflect.core.InMemoryCore.reason;

import java.nio.file.Path;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CreateSchool}, {@link CreateUser}, {@link ManageUser}, {@link ListUsers} and {@link LogIn} over in-memory ports. */
class SchoolAndUserUseCasesTest {

    private static final String NEW_PASSWORD = "a long enough password";

    @TempDir
    Path scratch;

    private InMemoryCore core;

    @BeforeEach
    void setUp() {
        core = new InMemoryCore(scratch);
    }

    // ---- schools ----

    @Test
    void onlyASuperAdminCreatesSchoolsAndNamesAreUnique() {
        School ash = core.createSchool().execute(core.admin, new CreateSchool.Command("  Ash Academy ")).orElseThrow();
        assertThat(ash.name()).isEqualTo("Ash Academy");
        assertThat(core.stores.schools().find(ash.id())).hasValue(ash);

        assertThat(reason(core.createSchool().execute(core.oakManager.asActor(), new CreateSchool.Command("Birch"))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.createSchool().execute(core.ada.asActor(), new CreateSchool.Command("Birch"))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.createSchool().execute(core.admin, new CreateSchool.Command("Ash Academy"))))
                .isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(reason(core.createSchool().execute(core.admin, new CreateSchool.Command(" "))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.schools().list()).extracting(School::name)
                .containsExactlyInAnyOrder("Oak Primary", "Elm Primary", "Ash Academy");
    }

    // ---- creating users ----

    @Test
    void aManagerCreatesATeacherInTheirOwnSchoolWhoSignsInWithTheTemporaryPassword() {
        CreateUser.Created created = core.createUser().execute(core.oakManager.asActor(),
                new CreateUser.Command("Cy@Oak.test", "Cy", Role.TEACHER, null, null)).orElseThrow();

        assertThat(created.user().schoolId()).isEqualTo(core.oak.id());
        assertThat(created.user().email()).isEqualTo("cy@oak.test");
        assertThat(created.user().mustChangePassword()).isTrue();
        assertThat(created.temporaryPassword()).isNotBlank();
        LogIn.Session session = core.logIn().execute(new LogIn.Command("cy@oak.test", created.temporaryPassword()))
                .orElseThrow();
        assertThat(session.user().id()).isEqualTo(created.user().id());
        assertThat(session.token().token()).startsWith("token|" + created.user().id() + "|");
    }

    @Test
    void aManagerCreatesNoManagersAndNobodyInAnotherSchool() {
        Actor manager = core.oakManager.asActor();

        assertThat(reason(core.createUser().execute(manager,
                new CreateUser.Command("m2@oak.test", "M2", Role.SCHOOL_MANAGER, null, null))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.createUser().execute(manager,
                new CreateUser.Command("t@elm.test", "T", Role.TEACHER, core.elm.id(), null))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.createUser().execute(manager,
                new CreateUser.Command("root@x.test", "Root", Role.SUPER_ADMIN, null, null))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(core.stores.users().list(null)).hasSize(5);
    }

    @Test
    void aTeacherCreatesNobody() {
        assertThat(reason(core.createUser().execute(core.ada.asActor(),
                new CreateUser.Command("new@oak.test", "New", Role.TEACHER, core.oak.id(), null))))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(core.stores.users().findByEmail("new@oak.test")).isEmpty();
    }

    @Test
    void aSuperAdminCreatesAManagerInAnySchoolWithAChosenPassword() {
        CreateUser.Created created = core.createUser().execute(core.admin,
                new CreateUser.Command("boss@elm.test", "Boss", Role.SCHOOL_MANAGER, core.elm.id(), NEW_PASSWORD))
                .orElseThrow();

        assertThat(created.temporaryPassword()).isNull();
        assertThat(created.user().mustChangePassword()).isFalse();
        assertThat(core.logIn().execute(new LogIn.Command("boss@elm.test", NEW_PASSWORD)).isOk()).isTrue();
    }

    @Test
    void aSecondUserWithTheSameEmailInAnyCaseIsAConflict() {
        Result<CreateUser.Created> duplicate = core.createUser().execute(core.admin,
                new CreateUser.Command("ADA@oak.TEST", "Another Ada", Role.TEACHER, core.elm.id(), null));

        assertThat(reason(duplicate)).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(core.stores.users().list(core.elm.id())).hasSize(2);
    }

    @Test
    void anEmailChangeToATakenEmailIsAConflict() {
        assertThat(reason(core.manageUser().update(core.oakManager.asActor(), core.bob.id(),
                new ManageUser.Changes(null, "Ada@Oak.test", null, null)))).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(core.stores.users().find(core.bob.id()).orElseThrow().email()).isEqualTo("bob@oak.test");
    }

    @Test
    void badInputIsRefused() {
        assertThat(reason(core.createUser().execute(core.admin,
                new CreateUser.Command("not-an-email", "X", Role.TEACHER, core.oak.id(), null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(core.createUser().execute(core.admin,
                new CreateUser.Command("x@oak.test", "X", Role.TEACHER, "no-such-school", null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(core.createUser().execute(core.admin,
                new CreateUser.Command("x@oak.test", "X", Role.TEACHER, null, null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(core.createUser().execute(core.admin,
                new CreateUser.Command("x@oak.test", "X", null, core.oak.id(), null))))
                .isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(core.stores.users().findByEmail("x@oak.test")).isEmpty();
    }

    // ---- signing in, deactivation ----

    @Test
    void signingInNeedsTheRightPassword() {
        assertThat(core.logIn().execute(new LogIn.Command(" ADA@oak.test ", PASSWORD)).orElseThrow().user().id())
                .isEqualTo(core.ada.id());
        assertThat(reason(core.logIn().execute(new LogIn.Command("ada@oak.test", "wrong password"))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(reason(core.logIn().execute(new LogIn.Command("nobody@oak.test", PASSWORD))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
    }

    @Test
    void aDeactivatedUserCannotSignInUntilReactivated() {
        User off = core.manageUser().update(core.oakManager.asActor(), core.ada.id(),
                new ManageUser.Changes(null, null, null, false)).orElseThrow();
        assertThat(off.active()).isFalse();

        assertThat(reason(core.logIn().execute(new LogIn.Command("ada@oak.test", PASSWORD))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(reason(core.upload(core.oakManager.asActor(), core.ada.id(), InMemoryCore.wav(4000))))
                .as("nobody uploads for a deactivated teacher").isEqualTo(Rejection.Reason.NOT_FOUND);

        core.manageUser().update(core.oakManager.asActor(), core.ada.id(),
                new ManageUser.Changes(null, null, null, true)).orElseThrow();
        assertThat(core.logIn().execute(new LogIn.Command("ada@oak.test", PASSWORD)).isOk()).isTrue();
    }

    @Test
    void nobodyDeactivatesThemselvesAndASchoolKeepsAnActiveManager() {
        assertThat(reason(core.manageUser().update(core.oakManager.asActor(), core.oakManager.id(),
                new ManageUser.Changes(null, null, null, false)))).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(reason(core.manageUser().update(core.admin, core.oakManager.id(),
                new ManageUser.Changes(null, null, null, false)))).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(reason(core.manageUser().update(core.admin, core.oakManager.id(),
                new ManageUser.Changes(null, null, Role.TEACHER, null)))).isEqualTo(Rejection.Reason.CONFLICT);
        assertThat(core.stores.users().find(core.oakManager.id()).orElseThrow())
                .extracting(User::active, User::role).containsExactly(true, Role.SCHOOL_MANAGER);
    }

    @Test
    void aManagerChangesTheirOwnSchoolsTeachersOnlyAndMakesNoManagers() {
        Actor manager = core.oakManager.asActor();

        assertThat(core.manageUser().update(manager, core.bob.id(),
                new ManageUser.Changes("Robert", null, null, null)).orElseThrow().displayName()).isEqualTo("Robert");
        assertThat(reason(core.manageUser().update(manager, core.eve.id(),
                new ManageUser.Changes("Evil", null, null, false)))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(reason(core.manageUser().update(manager, core.bob.id(),
                new ManageUser.Changes(null, null, Role.SCHOOL_MANAGER, null)))).isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(reason(core.manageUser().update(core.ada.asActor(), core.bob.id(),
                new ManageUser.Changes("Bobby", null, null, null)))).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.stores.users().find(core.eve.id()).orElseThrow().active()).isTrue();
        assertThat(core.stores.users().find(core.bob.id()).orElseThrow().role()).isEqualTo(Role.TEACHER);
    }

    @Test
    void aTemporaryPasswordReplacesTheOldOne() {
        ManageUser.TemporaryPassword reset = core.manageUser()
                .issueTemporaryPassword(core.oakManager.asActor(), core.ada.id()).orElseThrow();

        assertThat(reset.user().mustChangePassword()).isTrue();
        assertThat(reason(core.logIn().execute(new LogIn.Command("ada@oak.test", PASSWORD))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(core.logIn().execute(new LogIn.Command("ada@oak.test", reset.password())).isOk()).isTrue();
        assertThat(reason(core.manageUser().issueTemporaryPassword(core.oakManager.asActor(), core.elmManager.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
    }

    // ---- listing ----

    @Test
    void managersListTheirOwnSchoolTeachersNobodyAndSuperAdminsAnySchool() {
        assertThat(core.listUsers().execute(core.oakManager.asActor(), core.elm.id()).orElseThrow())
                .extracting(User::id).containsExactlyInAnyOrder(core.oakManager.id(), core.ada.id(), core.bob.id());
        assertThat(reason(core.listUsers().execute(core.ada.asActor(), (String) null)))
                .isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(core.listUsers().execute(core.admin, core.elm.id()).orElseThrow())
                .extracting(User::id).containsExactlyInAnyOrder(core.elmManager.id(), core.eve.id());
        assertThat(core.listUsers().execute(core.admin, new ListUsers.Filter(null, Role.TEACHER, true)).orElseThrow())
                .extracting(User::id).containsExactlyInAnyOrder(core.ada.id(), core.bob.id(), core.eve.id());
        assertThat(reason(core.listUsers().get(core.oakManager.asActor(), core.eve.id())))
                .isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(core.listUsers().get(core.ada.asActor(), core.ada.id()).orElseThrow()).isEqualTo(core.ada);
    }

    // ---- own password ----

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOne() {
        assertThat(reason(core.changePassword().execute(core.ada.asActor(),
                new ChangePassword.Command("wrong password", NEW_PASSWORD)))).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(reason(core.changePassword().execute(core.ada.asActor(),
                new ChangePassword.Command(PASSWORD, "short")))).isEqualTo(Rejection.Reason.INVALID_INPUT);

        User changed = core.changePassword().execute(core.ada.asActor(),
                new ChangePassword.Command(PASSWORD, NEW_PASSWORD)).orElseThrow().user();

        assertThat(changed.mustChangePassword()).isFalse();
        assertThat(reason(core.logIn().execute(new LogIn.Command("ada@oak.test", PASSWORD))))
                .isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        assertThat(core.logIn().execute(new LogIn.Command("ada@oak.test", NEW_PASSWORD)).isOk()).isTrue();
    }
}

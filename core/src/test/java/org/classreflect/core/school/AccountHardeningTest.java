package org.classreflect.core.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.classreflect.core.InMemoryCore;
import org.classreflect.core.common.Rejection;
import org.classreflect.core.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throttled sign-in, token versions, the password policy, must-change and the no-enumeration answer. */
class AccountHardeningTest {

    @TempDir
    Path scratch;

    private InMemoryCore core() {
        return new InMemoryCore(scratch);
    }

    private static Rejection rejection(Result<?> result) {
        return ((Result.Rejected<?>) result).rejection();
    }

    @Test
    void fiveWrongPasswordsBlockEvenTheRightOneUntilTheBlockEnds() {
        InMemoryCore core = core();
        for (int i = 0; i < 5; i++) {
            assertThat(rejection(core.logIn().execute(new LogIn.Command("ada@oak.test", "wrong", "10.0.0.1")))
                    .reason()).isEqualTo(Rejection.Reason.UNAUTHENTICATED);
        }
        Rejection blocked = rejection(core.logIn().execute(
                new LogIn.Command("ada@oak.test", InMemoryCore.PASSWORD, "10.0.0.1")));
        assertThat(blocked.reason()).isEqualTo(Rejection.Reason.TOO_MANY_REQUESTS);
        assertThat(blocked.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        core.clock.advance(Duration.ofSeconds(30));
        assertThat(core.logIn().execute(new LogIn.Command("ada@oak.test", InMemoryCore.PASSWORD, "10.0.0.1"))
                .isOk()).isTrue();
    }

    @Test
    void tokensStopWorkingAfterAPasswordChange() {
        InMemoryCore core = core();
        String token = core.logIn().execute(new LogIn.Command("ada@oak.test", InMemoryCore.PASSWORD))
                .orElseThrow().token().token();
        String apiToken = core.createApiToken().execute(core.ada.asActor(), "script").orElseThrow().secret();
        assertThat(core.authenticateAccessToken().execute(token)).isPresent();
        assertThat(core.authenticateAccessToken().execute(apiToken)).isPresent();

        ChangePassword.Changed changed = core.changePassword().execute(core.ada.asActor(),
                new ChangePassword.Command(InMemoryCore.PASSWORD, "a different long secret")).orElseThrow();

        assertThat(core.authenticateAccessToken().execute(token)).isEmpty();
        assertThat(core.authenticateAccessToken().execute(apiToken)).isEmpty();
        assertThat(core.authenticateAccessToken().execute(changed.token().token())).isPresent();
    }

    @Test
    void aResetADeactivationAndASignOutEachEndEarlierTokens() {
        InMemoryCore core = core();
        String first = signIn(core);
        core.manageUser().issueTemporaryPassword(core.oakManager.asActor(), core.ada.id()).orElseThrow();
        assertThat(core.authenticateAccessToken().execute(first)).isEmpty();

        String password = core.manageUser().issueTemporaryPassword(core.oakManager.asActor(), core.ada.id())
                .orElseThrow().password();
        String second = core.logIn().execute(new LogIn.Command("ada@oak.test", password)).orElseThrow()
                .token().token();
        assertThat(core.authenticateAccessToken().execute(second).orElseThrow().mustChangePassword()).isTrue();
        core.manageUser().update(core.oakManager.asActor(), core.ada.id(),
                new ManageUser.Changes(null, null, null, false)).orElseThrow();
        core.manageUser().update(core.oakManager.asActor(), core.ada.id(),
                new ManageUser.Changes(null, null, null, true)).orElseThrow();
        assertThat(core.authenticateAccessToken().execute(second)).isEmpty();

        String third = core.logIn().execute(new LogIn.Command("ada@oak.test", password)).orElseThrow()
                .token().token();
        assertThat(core.signOut().execute(third)).isTrue();
        assertThat(core.authenticateAccessToken().execute(third)).isEmpty();
        assertThat(core.signOut().execute(third)).isFalse();
    }

    private static String signIn(InMemoryCore core) {
        return core.logIn().execute(new LogIn.Command("ada@oak.test", InMemoryCore.PASSWORD)).orElseThrow()
                .token().token();
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        InMemoryCore core = core();
        Rejection common = rejection(core.changePassword().execute(core.ada.asActor(),
                new ChangePassword.Command(InMemoryCore.PASSWORD, "password1234")));
        assertThat(common.reason()).isEqualTo(Rejection.Reason.INVALID_INPUT);
        assertThat(common.message()).contains("common");
        Rejection own = rejection(core.createUser().execute(core.oakManager.asActor(), new CreateUser.Command(
                "zoe.quinn@oak.test", "Zoe Quinn", Role.TEACHER, null, "zoe.quinn@oak.test")));
        assertThat(own.message()).contains("own name or email");
        assertThatThrownBy(() -> new BootstrapSuperAdmin(core.stores.users(), core.hasher, core.passwordPolicy,
                core.clock).execute("root@example.org", Optional.of("password-of-the-root")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CLASSREFLECT_ADMIN_PASSWORD");
    }

    @Test
    void aManagerGetsTheSameAnswerForAnEmailInTheirSchoolAndInAnother() {
        InMemoryCore core = core();
        Actor manager = core.oakManager.asActor();
        Rejection own = rejection(core.createUser().execute(manager,
                new CreateUser.Command("bob@oak.test", "B", Role.TEACHER, null, null)));
        Rejection elsewhere = rejection(core.createUser().execute(manager,
                new CreateUser.Command("eve@elm.test", "E", Role.TEACHER, null, null)));
        assertThat(elsewhere).isEqualTo(own);
        assertThat(elsewhere.message()).doesNotContain("eve@elm.test").doesNotContain("exist");
        Rejection byChange = rejection(core.manageUser().update(manager, core.bob.id(),
                new ManageUser.Changes(null, "eve@elm.test", null, null)));
        assertThat(byChange).isEqualTo(own);
    }
}

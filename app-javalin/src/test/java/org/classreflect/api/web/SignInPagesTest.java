package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import org.classreflect.api.TestServers;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInPagesTest {

    @TempDir
    static Path dataDir;

    static WebApp web;

    @BeforeAll
    static void start() throws Exception {
        // no configured admin password: the first super admin gets a generated one and must replace it
        web = WebApp.start(dataDir, new FakeTranscriber(), s -> s.with(Setting.ADMIN_PASSWORD, ""));
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aWrongPasswordIsExplainedAndTheFormStays() {
        Page page = web.open();
        WebApp.submitSignIn(page, WebApp.TEACHER, "not-the-kettle-orbit");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        assertThat(page.getByLabel("Email")).hasValue(WebApp.TEACHER);
    }

    @Test
    void aTeacherSignsInSeesOnlyTheirMenuAndSignsOut() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);

        assertThat(page.locator("#nav")).containsText("Taylor Teacher");
        assertThat(page.locator("#nav")).not().containsText("Templates");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Sign in");
        page.navigate(web.baseUrl() + "#/account");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Sign in");
        WebApp.screenshot(page, "sign-in");
    }

    @Test
    void theFirstSuperAdminMustChooseANewPasswordBeforeAnythingElse() throws Exception {
        String generated = web.server().createdAdmin().orElseThrow().generatedPassword();
        Page page = web.open();
        WebApp.submitSignIn(page, TestServers.ADMIN_EMAIL, generated);

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Choose your own password");
        page.navigate(web.baseUrl() + "#/admin/users");
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Choose your own password");
        WebApp.screenshot(page, "first-run-password");

        page.getByLabel("Current password").fill(generated);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a-brand-new-secret");
        page.getByLabel("New password again").fill("a-brand-new-secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.locator("#nav")).containsText("Schools");
        org.assertj.core.api.Assertions.assertThat(web.user(TestServers.ADMIN_EMAIL).mustChangePassword()).isFalse();
    }

    @Test
    void aTeacherFollowingAManagerLinkIsToldThePageIsNotForThem() {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/templates");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("This page is for school managers and super admins");
    }
}

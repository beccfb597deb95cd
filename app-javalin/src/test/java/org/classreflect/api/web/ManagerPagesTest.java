package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.classreflect.api.TestServers;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The school manager's pages in Chromium; what the server stores is checked through the API in the same session. */
class ManagerPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static WebApp web;

    @BeforeAll
    static void start() throws Exception {
        web = WebApp.start(dataDir, new FakeTranscriber());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static JsonNode apiGet(Page page, String path) throws Exception {
        APIResponse r = page.request().get(web.baseUrl() + path.substring(1));
        Assertions.assertThat(r.status()).as(path).isEqualTo(200);
        return JSON.readTree(r.text());
    }

    private static RequestOptions change(Object body) {
        return RequestOptions.create().setHeader("X-Requested-With", "ClassReflect").setData(body);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static long templatesNamed(Page page, String name) throws Exception {
        JsonNode items = apiGet(page, "/api/templates").get("items");
        return items.findValuesAsText("name").stream().filter(name::equals).count();
    }

    @Test
    void aTemplateWhoseWeightsDoNotAddUpTo100IsStoppedThenSavedOnceFixed() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/templates/new");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Wait time focus");
        page.getByLabel("Criterion name").fill("Wait after questions");
        page.getByLabel("Weight (%)").fill("60");
        page.getByLabel("Target minimum").fill("3");
        page.getByLabel("Falloff").fill("2");
        button(page, "Add criterion").click();
        page.getByLabel("Criterion name").nth(1).fill("Warm tone");
        page.getByLabel("Weight (%)").nth(1).fill("30");
        page.getByLabel("Kind").nth(1).selectOption("judged");
        page.getByLabel("What to judge").nth(1).fill("The teacher encourages and praises effort.");
        assertThat(page.locator(".weight-sum")).containsText("Weights add up to 90 of 100: 10 still to give");

        button(page, "Create template").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The weights add up to 90");
        WebApp.screenshot(page, "template-editor");
        Assertions.assertThat(templatesNamed(page, "Wait time focus")).isZero();

        page.getByLabel("Weight (%)").nth(1).fill("40");
        assertThat(page.locator(".weight-sum")).hasText("Weights add up to 100.");
        button(page, "Create template").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Templates"))).isVisible();
        assertThat(page.locator("tr[data-template='Wait time focus']")).containsText("This school");
        Assertions.assertThat(templatesNamed(page, "Wait time focus")).isEqualTo(1);
    }

    @Test
    void aTeacherCannotOpenManagerPagesNorCallTheApisBehindThem() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        for (String route : List.of("/dashboard", "/teachers", "/templates", "/templates/new", "/school-settings")) {
            page.navigate(web.baseUrl() + "#" + route);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("This page is for");
        }

        String school = web.school().id();
        String other = web.user(WebApp.OTHER_TEACHER).id();
        var api = page.request();
        String base = web.baseUrl() + "api/";
        Map<String, Integer> answers = Map.of(
                "GET users", api.get(base + "users").status(),
                "GET dashboard", api.get(base + "schools/" + school + "/dashboard").status(),
                "GET summary", api.get(base + "schools/" + school + "/summary").status(),
                "PATCH user", api.patch(base + "users/" + other, change(Map.of("active", false))).status(),
                "POST temporary password", api.post(base + "users/" + other + "/temporary-password",
                        change(Map.of())).status(),
                "POST import", api.post(base + "users/import", RequestOptions.create()
                        .setHeader("X-Requested-With", "ClassReflect")
                        .setMultipart(FormData.create().set("file", new FilePayload("t.csv", "text/csv",
                                "name,email\nX,x@riverside.test\n".getBytes(StandardCharsets.UTF_8)))))
                        .status(),
                "POST template", api.post(base + "templates", change(Map.of("name", "Mine",
                        "criteria", List.of(Map.of("name", "A", "weight", 100, "judged", "x"))))).status(),
                "PUT settings", api.put(base + "schools/" + school + "/settings",
                        change(Map.of("hideScoresFromTeachers", false))).status());
        answers.forEach((call, status) -> Assertions.assertThat(status).as(call).isIn(403, 404));
        Assertions.assertThat(web.user(WebApp.OTHER_TEACHER).active()).isTrue();
    }

    @Test
    void aCsvWithBadRowsCreatesNobodyAndShowsEveryProblemThenACleanFileCreatesTheAccounts() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/teachers");
        int before = apiGet(page, "/api/users").size();
        String bad = "name,email,role\nNina North,nina@riverside.test,\n,nameless@riverside.test,\n"
                + "Bad Mail,bad-mail,teacher\nTaylor Again," + WebApp.TEACHER + ",\n";

        page.getByLabel("CSV file").setInputFiles(new FilePayload("teachers.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)));
        button(page, "Import").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("3 problems found; no account was created");
        Locator problems = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Problems in the file"));
        assertThat(problems.locator("tbody tr")).hasCount(3);
        assertThat(problems.locator("tbody tr").nth(0)).containsText("3");
        assertThat(problems.locator("tbody tr").nth(0)).containsText("name");
        assertThat(problems.locator("tbody tr").nth(2)).containsText("cannot be used");
        WebApp.screenshot(page, "teachers-import-errors");
        Assertions.assertThat(apiGet(page, "/api/users").size()).isEqualTo(before);

        String clean = "name,email\nNina North,nina@riverside.test\nOscar Oak,oscar@riverside.test\n";
        page.getByLabel("CSV file").setInputFiles(new FilePayload("teachers.csv", "text/csv",
                clean.getBytes(StandardCharsets.UTF_8)));
        button(page, "Import").click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("accounts created")))
                .containsText("2 accounts created");
        assertThat(page.locator("tr[data-email='oscar@riverside.test']")).containsText("Active");
        Assertions.assertThat(apiGet(page, "/api/users").size()).isEqualTo(before + 2);
        Assertions.assertThat(web.user("nina@riverside.test").mustChangePassword()).isTrue();
    }

    @Test
    void aDeactivatedTeacherCannotSignIn() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/teachers");
        page.onDialog(dialog -> dialog.accept());
        Locator row = page.locator("tr[data-email='" + WebApp.OTHER_TEACHER + "']");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate")).click();

        assertThat(row).containsText("Deactivated");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reactivate"))).isVisible();
        WebApp.screenshot(page, "teachers");
        Page other = web.open();
        WebApp.submitSignIn(other, WebApp.OTHER_TEACHER, WebApp.PASSWORD);
        assertThat(other.getByRole(AriaRole.ALERT)).containsText("do not match an active account");
        Assertions.assertThat(web.user(WebApp.OTHER_TEACHER).active()).isFalse();
    }

    @Test
    void theDashboardAndSchoolSettingsShowAndSaveTheSchoolsFigures() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("0 Failed"))).isVisible();
        assertThat(page.locator("main")).containsText("Teachers who may need support");
        WebApp.screenshot(page, "dashboard");

        page.navigate(web.baseUrl() + "#/school-settings");
        page.getByLabel("Hide numeric scores from teachers").check();
        page.getByLabel("A period of our own").check();
        page.getByLabel("Keep audio for").fill("31");
        page.getByLabel("Unit").selectOption("days");
        button(page, "Save settings").click();
        assertThat(page.locator(".error")).hasText(
                "audio retention cannot be longer than 720 hours, the longest this installation allows");
        page.getByLabel("Keep audio for").fill("3");
        button(page, "Save settings").click();

        assertThat(page.locator("#toasts")).containsText("Settings saved.");
        assertThat(page.locator(".retention [role=status]")).containsText("now deleted 3 days after");
        WebApp.screenshot(page, "school-settings");
        JsonNode saved = apiGet(page, "/api/schools/" + web.school().id() + "/settings");
        Assertions.assertThat(saved.get("hideScoresFromTeachers").asBoolean()).isTrue();
        Assertions.assertThat(saved.get("audioRetentionHours").asLong()).isEqualTo(72);
        page.reload();
        assertThat(page.getByLabel("A period of our own")).isChecked();
        assertThat(page.getByLabel("Keep audio for")).hasValue("3");
        assertThat(page.getByLabel("Unit")).hasValue("days");

        List<String> asked = new ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        page.getByLabel("Unit").selectOption("hours");
        button(page, "Save settings").click();
        assertThat(page.getByLabel("Keep audio for")).isFocused();
        Assertions.assertThat(asked).singleElement().asString().contains("cannot be undone")
                .contains("3 hours instead of 3 days");
        Assertions.assertThat(apiGet(page, "/api/schools/" + web.school().id() + "/settings")
                .get("audioRetentionHours").asLong()).as("nothing saved without the manager's agreement").isEqualTo(72);
    }

    @Test
    void addingATeacherShowsATemporaryPasswordTheyMustReplaceAtFirstSignIn() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/teachers");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Pat Newcomer");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("pat@riverside.test");

        button(page, "Add teacher").click();

        Locator secret = page.locator(".temp-password-box code.temp-password");
        assertThat(secret).isVisible();
        assertThat(page.locator("tr[data-email='pat@riverside.test']")).containsText("Active");
        Page pat = web.open();
        WebApp.submitSignIn(pat, "pat@riverside.test", secret.innerText().trim());
        assertThat(pat.getByRole(AriaRole.HEADING)).hasText("Choose your own password");
        Assertions.assertThat(web.user("pat@riverside.test").mustChangePassword()).isTrue();
    }

    @Test
    void theRecordingsFiltersComeFromTheAddressAndTheAddressFollowsThem() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        String teacher = web.user(WebApp.TEACHER).id();
        upload(page, teacher, "Fractions 4B", "Maths");
        upload(page, teacher, "Plants 4B", "Science");
        Locator rows = page.locator(".recordings-table tbody tr");

        page.navigate(web.baseUrl() + "#/recordings?teacherId=" + teacher + "&subject=Maths");

        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("Fractions 4B");
        assertThat(page.getByLabel("Teacher")).hasValue(teacher);
        assertThat(page.getByLabel("Teacher").locator("option:checked")).hasText("Taylor Teacher");
        assertThat(page.locator(".live-indicator")).hasText("Live updates on");
        page.evaluate("document.querySelector('input[name=q]').dataset.sameRender = 'yes'");

        page.getByLabel("Subject").fill("Science");

        assertThat(page).hasURL(web.baseUrl() + "#/recordings?teacherId=" + teacher + "&subject=Science");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("Plants 4B");
        assertThat(page.locator("input[name=q][data-same-render=yes]")).hasCount(1);
        assertThat(page.locator(".live-indicator")).hasText("Live updates on");
        WebApp.screenshot(page, "recordings-filtered");
        button(page, "Clear filters").click();
        assertThat(page).hasURL(web.baseUrl() + "#/recordings");
    }

    @Test
    void theDashboardsFiguresLeadToTheRecordingsTheyCountAndBackAgain() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/dashboard");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("In processing")).click();

        assertThat(page.getByLabel("Status")).hasValue("queued,processing,transcribed");
        assertThat(page.getByLabel("Status").locator("option:checked")).hasText("Not finished yet");
        page.getByLabel("Status").selectOption("failed");
        assertThat(page).hasURL(web.baseUrl() + "#/recordings?status=failed");
        page.goBack();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        page.goForward();
        assertThat(page.getByLabel("Status")).hasValue("failed");
    }

    private static void upload(Page as, String teacherId, String className, String subject) throws IOException {
        FormData form = FormData.create().set("teacherId", teacherId).set("className", className)
                .set("subject", subject).set("file", new FilePayload("jfk.wav", "audio/wav",
                        Files.readAllBytes(TestServers.sharedAudio("jfk.wav"))));
        APIResponse r = as.request().post(web.baseUrl() + "api/recordings", RequestOptions.create()
                .setHeader("X-Requested-With", "ClassReflect").setMultipart(form));
        Assertions.assertThat(r.status()).as(r.text()).isEqualTo(202);
    }
}

package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.classreflect.api.TestServers;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.InstancePrice.Purchase;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The super admin's pages in Chromium: schools and their first manager, users, usage and cost, system settings. */
class AdminPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static FakeTranscriber engine = new FakeTranscriber();
    static WebApp web;

    @BeforeAll
    static void start() throws Exception {
        web = WebApp.start(dataDir, engine);
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    private static Page signInAsAdmin() {
        return web.signIn(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aSuperAdminSetsUpASchoolWithItsFirstManagerAndATeacherAndSeesTheSchoolsUsageAndCost() throws Exception {
        Page admin = signInAsAdmin();
        admin.navigate(web.baseUrl() + "#/admin/schools");
        admin.getByLabel("School name").fill("Hillside Primary");
        button(admin, "Create school").click();
        admin.getByLabel("Manager's name").fill("Harriet Head");
        admin.getByLabel("Manager's email").fill("head@hillside.test");
        button(admin, "Create manager").click();
        Locator secret = admin.locator(".temp-password .secret");
        assertThat(secret).isVisible();
        String temporary = secret.innerText().trim();
        Locator row = admin.locator("tr", new Page.LocatorOptions().setHasText("Hillside Primary"));
        assertThat(row.locator("td[data-label=Managers]")).hasText("1");
        WebApp.screenshot(admin, "admin-schools");

        Page manager = web.open();
        WebApp.submitSignIn(manager, "head@hillside.test", temporary);
        assertThat(manager.getByRole(AriaRole.HEADING)).hasText("Choose your own password");

        String schoolId = row.getAttribute("data-school");
        admin.navigate(web.baseUrl() + "#/admin/users");
        button(admin, "New user").click();
        admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Tom Teacher");
        admin.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("tom@hillside.test");
        admin.locator("form.new-user select[name=role]").selectOption("teacher");
        admin.locator("form.new-user select[name=schoolId]").selectOption(schoolId);
        button(admin, "Create user").click();
        assertThat(admin.locator(".temp-password")).containsText("tom@hillside.test");
        admin.locator("form.filters select[name=school]").selectOption(schoolId);
        assertThat(admin.locator("tbody tr")).hasCount(2);
        assertThat(admin.locator("tr[data-user='tom@hillside.test'] td[data-label=Role]")).hasText("Teacher");
        WebApp.screenshot(admin, "admin-users");

        String teacherId = web.user("tom@hillside.test").id();
        JsonNode recording = uploadAndWait(admin, teacherId);
        double seconds = recording.get("durationSeconds").asDouble();
        waitForAnEmptyQueue(admin);

        admin.navigate(web.baseUrl() + "#/admin/usage");
        Locator usage = admin.locator("tr[data-school='" + schoolId + "']");
        assertThat(usage.locator("td[data-label=Recordings]")).hasText("1");
        double shownCost = Double.parseDouble(usage.locator("td[data-label='Estimated cost']").getAttribute("data-cost"));
        double expected = CostModel.DEFAULTS.costPerRecording(Duration.ofMillis(Math.round(seconds * 1000)),
                Purchase.ON_DEMAND, 1);
        org.assertj.core.api.Assertions.assertThat(shownCost).isCloseTo(expected, within(1e-12));
        assertThat(usage.locator("td[data-label='Estimated cost']")).hasText(String.format("$%.4f", expected));
        assertThat(usage.locator("td[data-label='Audio hours']")).hasText(String.format("%.2f", seconds / 3600));
        assertThat(admin.locator(".assumptions")).containsText("t3.xlarge at $0.1664/h");
        assertThat(admin.locator("[data-stat=queue-waiting] .value")).hasText("0");
        assertThat(admin.locator(".workers")).containsText("1 worker thread in this process");
        assertThat(admin.locator("canvas")).isVisible();
        WebApp.screenshot(admin, "admin-usage");
    }

    @Test
    void aWhisperModelChosenOnTheSystemPageIsGivenToTheNextJob() throws Exception {
        Path models = Files.createDirectories(dataDir.resolve("models"));
        Files.write(models.resolve("ggml-tiny.en.bin"), new byte[] {1});
        Page admin = signInAsAdmin();
        admin.navigate(web.baseUrl() + "#/admin/system");
        assertThat(admin.locator("code", new Page.LocatorOptions().setHasText("CLASSREFLECT_ENGINE"))).isVisible();
        admin.getByLabel("Whisper model for new jobs").selectOption("tiny.en");
        admin.getByLabel("Provider").selectOption("openai");
        admin.getByLabel("Base URL").fill("not a url");
        admin.getByLabel("Model", new Page.GetByLabelOptions().setExact(true)).fill("llama3.1");
        button(admin, "Save settings").click();
        assertThat(admin.getByRole(AriaRole.ALERT)).containsText("http or https");
        admin.getByLabel("Provider").selectOption("");
        button(admin, "Save settings").click();
        assertThat(admin.locator("#toasts")).containsText("next job");
        assertThat(admin.getByLabel("Whisper model for new jobs")).hasValue("tiny.en");
        WebApp.screenshot(admin, "admin-system");

        uploadAndWait(admin, web.user(WebApp.TEACHER).id());
        org.assertj.core.api.Assertions.assertThat(engine.lastOptions().model()).isEqualTo("tiny.en");
    }

    @Test
    void theUsersPageFitsAPhone() throws Exception {
        Page phone = web.openOnPhone();
        WebApp.submitSignIn(phone, TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD);
        phone.navigate(web.baseUrl() + "#/admin/users?schoolId=" + web.school().id());
        assertThat(phone.locator("tr[data-user='" + WebApp.TEACHER + "']")).containsText("Taylor Teacher");
        Object overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).as("no sideways scrolling")
                .isLessThanOrEqualTo(0);
        WebApp.screenshot(phone, "admin-users-phone");
    }

    @Test
    void aSchoolManagerCannotOpenTheAdminPagesAndTheAdminApisAnswer403() {
        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        for (String path : new String[] {"schools", "users", "system", "usage"}) {
            manager.navigate(web.baseUrl() + "#/admin/" + path);
            assertThat(manager.getByRole(AriaRole.ALERT)).containsText("This page is for super admins");
        }
        for (String api : new String[] {"schools", "usage", "workload", "system"}) {
            org.assertj.core.api.Assertions.assertThat(manager.request().get(web.baseUrl() + "api/admin/" + api)
                    .status()).as(api).isEqualTo(403);
        }
        APIResponse change = manager.request().put(web.baseUrl() + "api/admin/system", RequestOptions.create()
                .setHeader("X-Requested-With", "ClassReflect").setData(java.util.Map.of("transcriptionModel", "")));
        org.assertj.core.api.Assertions.assertThat(change.status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(manager.locator("#nav").innerText()).doesNotContain("Usage");
    }

    /** Uploads the JFK clip for a teacher with the signed-in page's session, and waits until it is completed. */
    /**
     * The upload also queues the school's analysis; when the worker completed the recording first, that queues a
     * second job for it, which may still wait when the recording shows completed.
     */
    private static void waitForAnEmptyQueue(Page page) {
        page.waitForCondition(() -> {
            try {
                JsonNode queue = JSON.readTree(page.request().get(web.baseUrl() + "api/admin/workload").text())
                        .get("queue");
                return queue.get("waiting").asLong() == 0 && queue.get("inProgress").asLong() == 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, new Page.WaitForConditionOptions().setTimeout(20_000));
    }

    private static JsonNode uploadAndWait(Page page, String teacherId) throws Exception {
        byte[] audio = Files.readAllBytes(TestServers.sharedAudio("jfk.wav"));
        APIResponse uploaded = page.request().post(web.baseUrl() + "api/recordings", RequestOptions.create()
                .setHeader("X-Requested-With", "ClassReflect")
                .setMultipart(FormData.create().set("teacherId", teacherId)
                        .set("file", new FilePayload("jfk.wav", "audio/wav", audio))));
        org.assertj.core.api.Assertions.assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(202);
        String id = JSON.readTree(uploaded.text()).get("id").asText();
        JsonNode[] last = new JsonNode[1];
        page.waitForCondition(() -> {
            try {
                last[0] = JSON.readTree(page.request().get(web.baseUrl() + "api/recordings/" + id).text());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return last[0].get("status").asText().equals("completed");
        }, new Page.WaitForConditionOptions().setTimeout(20_000));
        return last[0];
    }
}

package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.classreflect.testfixtures.fakes.FakeTranscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy page in Chromium: the access log, a teacher's own export, and a manager's erasure of a teacher. */
class PrivacyPagesTest {

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

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aTeacherSeesWhoSignedInAsThemAndDownloadsAllTheirDataAsOneZip() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/privacy");
        assertThat(page.getByRole(AriaRole.HEADING, named("Who opened my lessons"))).isVisible();
        assertThat(page.locator("table").first()).containsText("Taylor Teacher");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Export my data"))
                .click());
        Path zip = dataDir.resolve("export.zip");
        download.saveAs(zip);

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("account.json", "access-log.json", "manifest.json");
        assertThat(page.locator(".export-status")).containsText("Export complete");
        page.context().close();
    }

    @Test
    void aManagerErasesATeacherAfterTypingTheirNameAndSeesTheReceipt() {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/privacy");
        page.getByLabel("Teacher").last().selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Olive Other (" + WebApp.OTHER_TEACHER + ")"));
        page.onceDialog(dialog -> dialog.accept("Olive Other"));
        page.getByRole(AriaRole.BUTTON, named("Erase the teacher")).click();

        assertThat(page.getByRole(AriaRole.TABLE).last()).containsText("completed",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15000));
        assertThat(page.getByRole(AriaRole.TABLE).last()).containsText("1 account(s), 0 recording(s)");
        page.navigate(web.baseUrl() + "#/privacy");
        page.getByLabel("Action").selectOption("erasure");
        assertThat(page.locator("table").first()).containsText("erasure");
        page.context().close();
    }

    @Test
    void aManagerTurnsOnNameRedactionWithAClassList() throws Exception {
        Page page = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/privacy");
        page.getByLabel("Replace students' names", new Page.GetByLabelOptions()).check();
        page.getByLabel("Class list (one name per line)").fill("Priya Shah\nTom Baker");
        page.getByLabel("Delete transcripts after (days)").fill("30");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByText("Saved.")).isVisible();

        String json = page.request().get(web.baseUrl() + "api/schools/" + web.school().id() + "/privacy").text();
        assertThat(json).contains("\"redactStudentNames\":true", "Tom Baker", "\"transcriptRetentionDays\":30");
        page.context().close();
    }
}

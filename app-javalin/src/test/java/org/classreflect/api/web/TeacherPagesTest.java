package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.classreflect.api.TestServers;
import org.classreflect.core.template.StarterTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher's pages in Chromium: upload, live status without a reload, listening from a clicked segment, SRT
 * export, progress; another teacher's recording stays invisible; hidden scores never reach the teacher's browser.
 * The transcriber is scripted (jfk.wav's words with known times) so the test knows where each segment starts, and
 * it can hold a job at "processing" so the test sees the status change happen.
 */
class TeacherPagesTest {

    private static final String QUESTIONING = StarterTemplates.QUESTIONING_AND_WAIT_TIME.id();
    private static final Pattern SCORE_FIELD = Pattern.compile(
            "\"(score|overallScore|judgedScore|measuredScore)\"\\s*:");
    /** A template's criterion weights, targets and curves: with the metrics they would give a hidden score back. */
    private static final Pattern SCORING_FIELD = Pattern.compile("\"(weight|min|max|curve|falloff)\"\\s*:");
    /** Wraps EventSource so the test can read every event the page receives (a stream has no end to wait for). */
    private static final String RECORD_EVENTS = """
            (() => {
              const Original = window.EventSource;
              window.__events = [];
              window.EventSource = class extends Original {
                constructor(...args) {
                  super(...args);
                  for (const name of ['ready', 'recording', 'deleted']) {
                    this.addEventListener(name, e => window.__events.push(e.data));
                  }
                }
              };
            })();""";

    @TempDir
    static Path dataDir;

    static final JfkTranscriber transcriber = new JfkTranscriber();
    static WebApp web;

    @BeforeAll
    static void start() throws Exception {
        web = WebApp.start(dataDir, transcriber);
    }

    @AfterAll
    static void stop() {
        transcriber.release();
        web.close();
    }

    @Test
    void aTeacherUploadsSeesItProgressLiveListensFromASegmentAndExportsSrt() throws Exception {
        transcriber.hold();
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        page.locator("input[type=file]").setInputFiles(TestServers.sharedAudio("jfk.wav"));
        page.getByLabel("Class").fill("5B");
        page.getByLabel("Subject").fill("History");
        page.getByLabel("Analysis template").selectOption(QUESTIONING);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        Locator uploaded = page.locator(".upload-item[data-state=done]");
        assertThat(uploaded).containsText("Open the recording");
        assertThat(uploaded.locator("progress")).hasAttribute("value", "100");
        WebApp.screenshot(page, "teacher-upload");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recordings").setExact(true)).click();
        Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("5B · History"));
        assertThat(row.locator(".badge")).hasAttribute("data-status", "processing");
        page.evaluate("window.__sameDocument = 'still here'");
        transcriber.release();

        assertThat(row.locator(".badge")).hasAttribute("data-status", "completed");
        assertThat(page.locator(".live-indicator")).hasText("Live updates on");
        assertThat(page.evaluate("window.__sameDocument")).as("the page was not reloaded").isEqualTo("still here");
        WebApp.screenshot(page, "teacher-recordings");

        row.getByRole(AriaRole.LINK).click();
        Locator segments = page.locator("button.segment");
        assertThat(segments).hasCount(3);
        segments.nth(1).click();
        page.waitForFunction("() => { const a = document.querySelector('audio'); "
                + "return a && !a.paused && a.currentTime >= 4.4 && a.currentTime < 8.0; }");
        assertThat(segments.nth(1)).hasClass(Pattern.compile("current-segment"));
        assertThat(segments.nth(1).locator(".word.current-word")).hasCount(1);
        page.evaluate("document.querySelector('audio').pause()");
        assertThat(page.locator(".analysis[data-status=completed]")).isVisible();
        assertThat(page.locator(".metric-row").first()).isVisible();
        assertThat(page.getByText("The audio could not be played")).isHidden();

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Export transcript as SRT subtitles")).click());
        String srt = Files.readString(download.path());
        assertThat(download.suggestedFilename()).endsWith(".srt");
        assertThat(srt).startsWith("1\n00:00:00,300 --> ").contains("\n\n2\n00:00:04,400 --> ")
                .contains("ask not what your country");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My progress")).click();
        assertThat(page.locator(".goal-picker")).isVisible();
    }

    @Test
    void aTeacherOpeningAnotherTeachersRecordingByItsAddressSeesNotFoundAndNothingOfIt() {
        Page other = web.signIn(WebApp.OTHER_TEACHER, WebApp.PASSWORD);
        String id = web.upload(other, "Secret 9Z", null).get("id").asText();

        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        List<Response> responses = WebApp.record(page);
        page.navigate(web.baseUrl() + "#/recordings/" + id);

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Recording not found");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not one you can see");
        assertThat(WebApp.bodies(responses)).isNotEmpty().noneMatch(b -> b.contains("Secret 9Z") || b.contains("\"id\":\"" + id + "\""));
    }

    @Test
    void withScoresHiddenFromTeachersNoScoreReachesTheTeachersBrowserWhileTheManagerGetsThem() throws Exception {
        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        web.setHideScores(manager, true);
        try {
            Page page = web.open();
            page.addInitScript(RECORD_EVENTS);
            page.reload();
            List<Response> seen = WebApp.record(page);
            WebApp.submitSignIn(page, WebApp.TEACHER, WebApp.PASSWORD);
            assertThat(page.locator(".live-indicator")).hasText("Live updates on");
            String id = web.upload(page, "Hidden 3C", QUESTIONING).get("id").asText();
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Hidden 3C")).locator(".badge"))
                    .hasAttribute("data-status", "completed");
            assertThat(events(page)).as("the stream told the page").anyMatch(e -> e.contains("Hidden 3C"));
            page.navigate(web.baseUrl() + "#/recordings/" + id);
            assertThat(page.locator(".analysis[data-status=completed]")).isVisible();
            page.navigate(web.baseUrl() + "#/progress");
            assertThat(page.locator(".goal-picker")).isVisible();
            page.navigate(web.baseUrl() + "#/upload");
            assertThat(page.getByLabel("Analysis template").locator("option",
                    new Locator.LocatorOptions().setHasText("Questioning and wait time"))).hasCount(1);
            List<String> teacherSaw = new ArrayList<>(WebApp.bodies(seen));
            teacherSaw.addAll(events(page));

            List<Response> managerSeen = WebApp.record(manager);
            manager.navigate(web.baseUrl() + "#/recordings/" + id);
            assertThat(manager.locator(".analysis[data-status=completed] .overall")).isVisible();
            String managersAnalyses = WebApp.bodies(managerSeen).stream().filter(b -> b.contains("/analyses "))
                    .findFirst().orElseThrow();

            assertThat(SCORE_FIELD.matcher(managersAnalyses).find()).as("the manager gets the scores").isTrue();
            assertThat(WebApp.bodies(managerSeen)).as("the manager gets the templates' weights and targets")
                    .anyMatch(b -> b.contains("/api/templates ") && SCORING_FIELD.matcher(b).find());
            assertThat(teacherSaw).as("what the teacher's browser received").hasSizeGreaterThan(4)
                    .anyMatch(b -> b.contains("/analyses {"))
                    .noneMatch(b -> SCORE_FIELD.matcher(b).find());
            assertThat(teacherSaw.stream().filter(b -> b.contains("/api/templates ")))
                    .as("the templates the teacher's pages read").hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(b -> b.contains("\"metric\":\"WAIT_TIME_MEAN_SECONDS\""))
                    .noneMatch(b -> SCORING_FIELD.matcher(b).find());
            assertThat(page.locator("body")).not().containsText("Overall score");
        } finally {
            web.setHideScores(manager, false);
        }
    }

    @Test
    void theRecordingsListOnAPhone() throws Exception {
        Page phone = web.openOnPhone();
        WebApp.submitSignIn(phone, WebApp.TEACHER, WebApp.PASSWORD);
        assertThat(phone.locator(".live-indicator")).hasText("Live updates on");
        assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My recordings")))
                .isVisible();
        WebApp.screenshot(phone, "teacher-recordings-phone");
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Page page) {
        return (List<String>) page.evaluate("window.__events");
    }
}

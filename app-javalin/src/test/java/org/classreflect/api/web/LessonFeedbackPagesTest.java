package org.classreflect.api.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.classreflect.api.TestServers;
import org.classreflect.core.school.SchoolAnalysisSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a teacher learns from a lesson, in Chromium: an upload with the default settings is analysed with the
 * school's default template and opens on its summary (talk timeline, talk share, questions, wait time against the
 * targets, strengths and focus), whose marks play their moment; the transcript names speakers and questions; with
 * scores hidden the verdicts come in words and no number reaches the browser. Then every page of every role at
 * phone width: nothing wider than the screen, and no serious accessibility violation (axe-core).
 */
class LessonFeedbackPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern SCORE_FIELD = Pattern.compile(
            "\"(score|overallScore|judgedScore|measuredScore|scoreGoal|weight|measuredValue)\"\\s*:");

    @TempDir
    static Path dataDir;

    static WebApp web;

    @BeforeAll
    static void start() throws Exception {
        web = WebApp.start(dataDir, new ClassroomTranscriber());
    }

    @AfterAll
    static void stop() {
        web.close();
    }

    @Test
    void aLessonUploadedWithTheDefaultsOpensOnItsSummaryWhoseMarksPlayTheirMoment() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        assertThat(page.getByLabel("Analysis template"))
                .hasValue(SchoolAnalysisSettings.STARTER_DEFAULT_TEMPLATE_ID);
        page.locator("input[type=file]").setInputFiles(TestServers.sharedAudio("jfk.wav"));
        page.getByLabel("Lesson name (optional)").fill("Plants and light");
        page.getByLabel("Class").fill("7C");
        page.getByLabel("Subject").fill("Science");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the recording")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(Pattern.compile("^Plants and light · 7C · Science · \\d{1,2} \\w{3}|^Plants and light · 7C · "
                        + "Science · \\w{3} \\d{1,2}"));

        Locator summary = page.locator(".summary");
        Locator timeline = summary.locator(".timeline");
        assertThat(timeline).isVisible();
        assertThat(timeline.locator(".tl-band.tl-teacher")).hasCount(3);
        assertThat(timeline.locator(".tl-band.tl-student")).hasCount(2);
        assertThat(timeline.locator(".tl-question.tl-open")).hasCount(2);
        assertThat(timeline.locator(".tl-question.tl-closed")).hasCount(1);
        assertThat(timeline.locator(".tl-question").first()).hasAttribute("aria-label",
                Pattern.compile("^Open question at 0:00.3, wait 1.4 s: What do plants need to grow\\?"));
        // teacher 2.7 + 2.1 + 1.2 s, students 0.9 + 1.3 s
        assertThat(tile(page, "Your share of the talk")).containsText("73%");
        assertThat(tile(page, "Your share of the talk")).containsText("Students 27%");
        assertThat(tile(page, "Questions asked")).containsText("2 open · 1 closed");
        assertThat(tile(page, "Average wait after a question")).containsText("Target at least 3 s");
        assertThat(tile(page, "Average wait after a question")).containsText("Below target");
        assertThat(summary.locator(".strengths-focus")).containsText("Wait time after questions: not yet");
        assertThat(summary.locator(".strengths-focus")).containsText("Open questions: meets the goal");
        BoundingBox focus = summary.locator(".strengths-focus").boundingBox();
        assertThat(focus.y + focus.height).as("the summary fits a laptop screen without scrolling")
                .isLessThanOrEqualTo(page.viewportSize().height);

        timeline.locator(".tl-question").nth(1).click();
        page.waitForFunction("() => { const a = document.querySelector('audio'); "
                + "return a && !a.paused && a.currentTime >= 5.5 && a.currentTime < 8.0; }");
        assertThat(timeline.locator(".tl-playhead")).isVisible();
        assertThat(page.locator("button.segment.current-segment")).hasAttribute("data-start", "5.6");
        page.evaluate("document.querySelector('audio').pause()");
        WebApp.screenshot(page, "lesson-summary");

        Locator segments = page.locator(".transcript button.segment");
        assertThat(segments).hasCount(5);
        assertThat(segments.nth(1)).hasAttribute("data-speaker", "student");
        assertThat(segments.nth(1).locator(".speaker")).hasText("Student");
        assertThat(page.locator(".transcript .segment.is-question")).hasCount(3);
        assertThat(segments.nth(4).locator(".question-tag")).hasText("closed question");

        Locator wait = page.locator(".metric-row[data-metric=WAIT_TIME_MEAN_SECONDS]");
        assertThat(wait).containsText("Average wait after a question");
        assertThat(wait).containsText("Target at least 3 s");
        assertThat(page.locator(".metric-row[data-metric=PAUSE_MEAN_SECONDS]")).not().containsText("no pause");
        assertThat(page.locator(".metric-group")).hasText(new String[] {"Talk", "Questions", "Pace", "Pauses"});
        assertThat(page.locator("#metrics-h ~ p.hint").last()).hasText(
                "The pace over time is drawn for lessons of more than five minutes.");

        Locator analysis = page.locator(".analysis[data-status=completed]");
        assertThat(analysis).hasCount(1);
        assertThat(analysis.locator(".analysis-when")).containsText("Template version 1 · analysed");
        assertThat(analysis.locator(".overall")).containsText("out of 100");
        assertThat(analysis.locator(".coverage")).containsText(
                "Quality of questioning (written feedback is switched off for the school)");
        assertThat(analysis.locator(".coverage")).containsText("70% of the template's weight");
    }

    @Test
    void withScoresHiddenTheTeacherGetsVerdictsInWordsAndNoNumberReachesTheBrowser() throws Exception {
        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        web.setHideScores(manager, true);
        try {
            Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
            List<Response> seen = WebApp.record(page);
            String id = web.upload(page, "Hidden 6A", null).get("id").asText();
            page.navigate(web.baseUrl() + "#/recordings/" + id);

            assertThat(tile(page, "Average wait after a question"))
                    .containsText("Wait time after questions: Not yet");
            Locator analysis = page.locator(".analysis[data-status=completed]");
            assertThat(analysis.locator("tr[data-verdict=meets] td[data-label=Verdict]").first())
                    .hasText("Meets the goal");
            assertThat(analysis.locator("tr[data-verdict=not_scored]")).containsText("Not scored");
            assertThat(analysis.locator(".coverage")).containsText("The verdicts above cover the other criteria");
            assertThat(page.locator("body")).not().containsText("out of 100");
            assertThat(page.locator("body")).not().containsText("Overall score");
            List<String> received = new ArrayList<>(WebApp.bodies(seen));
            assertThat(received).as("what the teacher's browser received")
                    .anyMatch(b -> b.contains("/analyses ") && b.contains("\"verdict\":\"not_yet\""))
                    .noneMatch(b -> SCORE_FIELD.matcher(b).find());
            WebApp.screenshot(page, "lesson-summary-verdicts");
        } finally {
            web.setHideScores(manager, false);
        }
    }

    @Test
    void aTeacherPicksWhatTheyWorkOnAndGetsOneChartEachWithTheGoalAndTrendLines() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        analysedLesson(page, "Progress 4D");
        page.navigate(web.baseUrl() + "#/progress");
        Locator picker = page.locator(".goal-picker");
        picker.getByLabel("Wait time after questions").check();
        picker.getByLabel("Open questions").check();
        picker.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

        Locator charts = page.locator(".goal-chart");
        assertThat(charts).hasCount(2);
        assertThat(charts.first()).containsText("Open questions");
        Object goalLine = page.evaluate("() => Chart.getChart(document.querySelector('.goal-chart canvas'))"
                + ".data.datasets.map(d => d.label)");
        assertThat(goalLine.toString()).contains("Goal (70)");
        Object lessonDay = page.evaluate("() => Chart.getChart(document.querySelector('.goal-chart canvas'))"
                + ".data.datasets[0].data[0].x");
        assertThat(((Number) lessonDay).longValue()).as("a point sits at the lesson's real time")
                .isGreaterThan(System.currentTimeMillis() - 3_600_000L);

        page.reload();
        assertThat(page.locator(".goal-picker").getByLabel("Open questions")).isChecked();
        page.locator(".all-metrics summary").click();
        Locator talk = page.locator(".all-metrics .chart-card", new Page.LocatorOptions()
                .setHasText("Your share of the talk"));
        assertThat(talk).containsText("latest 73%");
        Object percent = talk.locator("canvas").evaluate("c => Chart.getChart(c).data.datasets[0].data[0].y");
        assertThat(((Number) percent).doubleValue()).as("ratios drawn as percentages").isBetween(73.0, 74.0);
        WebApp.screenshot(page, "teacher-progress");

        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        manager.navigate(web.baseUrl() + "#/teachers/" + web.user(WebApp.TEACHER).id() + "/progress");
        assertThat(manager.locator("main")).containsText("Working on: Open questions, Wait time after questions.");
        assertThat(manager.locator(".goal-chart")).hasCount(2);
    }

    @Test
    void theGoalAManagerSetsIsTheOneTheTeacherSeesOnTheLessonAndTheProgressChart() throws Exception {
        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        try {
            setGoal(manager, "85");
            Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
            analysedLesson(page, "Goal 3E");
            assertThat(page.locator(".analysis[data-status=completed] .overall"))
                    .containsText("the school's goal for each criterion is 85");
            page.navigate(web.baseUrl() + "#/progress");
            assertThat(page.locator("main")).containsText("a criterion meets the goal from 85.");
        } finally {
            setGoal(manager, "70");
        }
    }

    private static void setGoal(Page manager, String goal) {
        manager.navigate(web.baseUrl() + "#/school-settings");
        manager.getByLabel("Goal score").fill(goal);
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(manager.locator(".toast", new Page.LocatorOptions().setHasText("Settings saved."))).isVisible();
        manager.reload();
        assertThat(manager.getByLabel("Goal score")).hasValue(goal);
    }

    @Test
    void everyPageAtPhoneWidthFitsTheScreenAndHasNoSeriousAccessibilityViolation() throws Exception {
        Page teacherDesk = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        String recording = analysedLesson(teacherDesk, "Phone 2B");
        String teacherId = web.user(WebApp.TEACHER).id();
        String starter = SchoolAnalysisSettings.STARTER_DEFAULT_TEMPLATE_ID;
        List<String> problems = new ArrayList<>();

        Page signIn = web.openOnPhoneForAudit();
        check(signIn, "#/login", problems);
        visitAll(WebApp.TEACHER, WebApp.PASSWORD, problems, "#/recordings", "#/recordings/" + recording,
                "#/upload", "#/progress", "#/account");
        visitAll(WebApp.MANAGER, WebApp.PASSWORD, problems, "#/dashboard", "#/recordings", "#/upload", "#/teachers",
                "#/teachers/" + teacherId + "/progress", "#/templates", "#/templates/" + starter, "#/templates/new",
                "#/school-settings", "#/account");
        visitAll(TestServers.ADMIN_EMAIL, TestServers.ADMIN_PASSWORD, problems, "#/admin/schools",
                "#/admin/users", "#/admin/system", "#/admin/usage", "#/recordings", "#/templates", "#/account");

        assertThat(problems).as("pages wider than a phone, or with serious accessibility violations").isEmpty();
    }

    @Test
    void aFileThatIsNotAudioIsRefusedInPlainWordsWithTheTechnicalDetailOneClickAway() {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        page.navigate(web.baseUrl() + "#/upload");
        page.locator("input[type=file]").setInputFiles(new FilePayload("lesson.wav", "audio/wav",
                "these are not the sounds of a lesson".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

        Locator failed = page.locator(".upload-item[data-state=failed]");
        assertThat(failed.locator(".error > p")).hasText("This file holds no audio we can read. Export or save it "
                + "again as MP3, M4A or WAV, then upload that file.");
        Locator detail = failed.locator("details.error-detail");
        assertThat(detail.locator("code")).not().isVisible();
        detail.locator("summary").click();
        assertThat(detail.locator("code")).isVisible();
    }

    @Test
    void anAnalysisWhoseTranscriptIsFlaggedUnreliableCarriesAVisibleWarning() throws Exception {
        Page page = web.signIn(WebApp.TEACHER, WebApp.PASSWORD);
        String id = analysedLesson(page, "Noisy 5E");
        // the API's side (a low-confidence transcript marks the analysis) is LessonAnalysisEndToEndTest's; here the page
        page.route("**/api/recordings/" + id + "/analyses", route -> {
            try {
                ObjectNode analyses = (ObjectNode) JSON.readTree(route.fetch().text());
                analyses.withArray("items").forEach(a -> ((ObjectNode) a).putObject("quality").put("lowConfidence", true)
                        .put("lowConfidenceReason", "most words are likely wrong"));
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody(JSON.writeValueAsString(analyses)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        page.reload();

        assertThat(page.locator(".summary .warning")).containsText(
                "The transcript may be unreliable. Most words are likely wrong.");
        assertThat(page.locator(".analysis .warning")).isVisible();
        assertThat(page.locator(".analysis .coverage")).containsText("the transcript is not reliable enough");
    }

    @Test
    void aManagerCopiesAGlobalTemplateAndImportsTheExampleFileThePageOffers() throws Exception {
        Page manager = web.signIn(WebApp.MANAGER, WebApp.PASSWORD);
        manager.navigate(web.baseUrl() + "#/templates");
        manager.locator("tr[data-template='Questioning and wait time']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Copy Questioning and wait time")).click();

        assertThat(manager.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Copy of Questioning and wait time");
        assertThat(manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")))
                .isVisible();
        assertThat(manager.locator(".criteria input[name=criterion-name]").first())
                .hasValue("Wait time after questions");

        manager.navigate(web.baseUrl() + "#/teachers");
        Download example = manager.waitForDownload(() -> manager.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download an example file.")).click());
        manager.getByLabel("CSV file").setInputFiles(example.path());
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();

        assertThat(manager.locator("main")).containsText("3 accounts created");
        assertThat(manager.locator("table", new Page.LocatorOptions().setHasText("Accounts created"))
                .locator("code.temp-password")).hasCount(3);

        manager.navigate(web.baseUrl() + "#/school-settings");
        BoundingBox box = manager.getByLabel("Hide numeric scores from teachers").boundingBox();
        assertThat(Math.min(box.width, box.height)).as("the checkbox can be seen and tapped").isGreaterThanOrEqualTo(19);
    }

    private static void visitAll(String email, String password, List<String> problems, String... pages)
            throws Exception {
        Page phone = web.openOnPhoneForAudit();
        WebApp.submitSignIn(phone, email, password);
        phone.waitForSelector("main h1");
        for (String hash : pages) {
            phone.navigate(web.baseUrl() + hash);
            check(phone, hash, problems);
            if (hash.startsWith("#/recordings/") || hash.equals("#/teachers")) {
                WebApp.screenshot(phone, hash.equals("#/teachers") ? "phone-teachers" : "phone-lesson");
            }
        }
    }

    /** Waits until the page has drawn its content, then measures its width and runs axe-core on it. */
    private static void check(Page page, String hash, List<String> problems) {
        page.waitForFunction("() => document.querySelector('main h1') && !document.querySelector('.skeleton')"
                + " && !/Loading…/.test(document.querySelector('main').textContent)");
        page.waitForTimeout(300);
        Number wide = (Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        if (wide.intValue() > 1) {
            problems.add(hash + ": " + wide + " px wider than the phone");
        }
        Axe.seriousViolations(page).forEach(v -> problems.add(hash + ": " + v));
    }

    /** Uploads a lesson with the school's default template and waits until its analysis is done; its id. */
    private static String analysedLesson(Page page, String className) {
        String id = web.upload(page, className, null).get("id").asText();
        page.navigate(web.baseUrl() + "#/recordings/" + id);
        assertThat(page.locator(".analysis[data-status=completed]")).isVisible();
        return id;
    }

    private static Locator tile(Page page, String title) {
        return page.locator(".glance-tile", new Page.LocatorOptions().setHasText(title));
    }
}

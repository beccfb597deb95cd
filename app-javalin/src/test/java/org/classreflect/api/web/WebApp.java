package org.classreflect.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.classreflect.api.ClassReflectServer;
import org.classreflect.api.TestServers;
import org.classreflect.core.school.Actor;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.Role;
import org.classreflect.core.school.School;
import org.classreflect.core.school.User;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Settings;

/**
 * The product started in local mode on a random port, with one school (a manager and two teachers), and Debian's
 * Chromium driven by Playwright. Screenshots land in target/screenshots, where docs/user-guide.md takes them from.
 */
public final class WebApp implements AutoCloseable {

    public static final String PASSWORD = "browser-kettle-orbit-1";
    public static final String MANAGER = "manager@riverside.test";
    public static final String TEACHER = "teacher@riverside.test";
    public static final String OTHER_TEACHER = "other.teacher@riverside.test";
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync");

    private final ClassReflectServer server;
    private final Playwright playwright;
    private final Browser browser;
    private final School school;
    /** Console messages of pages that the Content-Security-Policy blocked something on; none are allowed. */
    private final java.util.List<String> cspViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WebApp(ClassReflectServer server, Playwright playwright, Browser browser, School school) {
        this.server = server;
        this.playwright = playwright;
        this.browser = browser;
        this.school = school;
    }

    public static WebApp start(Path dataDir, Transcriber transcriber) throws Exception {
        return start(dataDir, transcriber, UnaryOperator.identity());
    }

    public static WebApp start(Path dataDir, Transcriber transcriber, UnaryOperator<Settings> tweak)
            throws Exception {
        ClassReflectServer server = ClassReflectServer.start(tweak.apply(TestServers.settings(dataDir)), transcriber,
                false);
        var app = server.components();
        School school = app.createSchool().execute(Actor.SYSTEM, new CreateSchool.Command("Riverside Primary"))
                .orElseThrow();
        createUser(server, school, MANAGER, "Morgan Manager", Role.SCHOOL_MANAGER);
        createUser(server, school, TEACHER, "Taylor Teacher", Role.TEACHER);
        createUser(server, school, OTHER_TEACHER, "Olive Other", Role.TEACHER);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium")).setHeadless(true).setArgs(CHROMIUM_ARGS));
        return new WebApp(server, playwright, browser, school);
    }

    private static void createUser(ClassReflectServer server, School school, String email, String name, Role role) {
        server.components().createUser().execute(Actor.SYSTEM,
                new CreateUser.Command(email, name, role, school.id(), PASSWORD)).orElseThrow();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    public ClassReflectServer server() {
        return server;
    }

    public School school() {
        return school;
    }

    public User user(String email) {
        return server.components().users().findByEmail(email).orElseThrow();
    }

    /** A fresh desktop browser context (its own cookies), on the sign-in page. */
    public Page open() {
        return open(new Browser.NewContextOptions().setViewportSize(1280, 860));
    }

    /** A fresh phone-sized browser context (its own cookies), on the sign-in page. */
    public Page openOnPhone() {
        return open(phone());
    }

    /**
     * A phone-sized context for axe-core, which sets style attributes while it checks: the page's
     * Content-Security-Policy is bypassed there, so its checks run whole (the other contexts keep enforcing it).
     */
    public Page openOnPhoneForAudit() {
        return open(phone().setBypassCSP(true));
    }

    private static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true);
    }

    private Page open(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL(baseUrl()));
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspViolations.add(m.text());
            }
        });
        page.navigate(baseUrl() + "#/login");
        return page;
    }

    /** Signs in through the form in a fresh desktop context and waits until the menu is there. */
    public Page signIn(String email, String password) {
        Page page = open();
        submitSignIn(page, email, password);
        page.waitForSelector("#nav a");
        return page;
    }

    /** Fills in and sends the sign-in form, without waiting for the outcome. */
    public static void submitSignIn(Page page, String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    public static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Uploads jfk.wav through the API as the page's user; templateId null: the school's default applies. */
    public JsonNode upload(Page as, String className, String templateId) {
        FormData form = FormData.create().set("className", className)
                .set("file", new FilePayload("jfk.wav", "audio/wav", read(TestServers.sharedAudio("jfk.wav"))));
        if (templateId != null) {
            form.set("templateId", templateId);
        }
        APIResponse r = as.request().post(baseUrl() + "api/recordings", RequestOptions.create()
                .setHeader("X-Requested-With", "ClassReflect").setMultipart(form));
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        try {
            return JSON.readTree(r.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setHideScores(Page manager, boolean hide) {
        APIResponse r = manager.request().put(baseUrl() + "api/schools/" + school.id() + "/settings",
                RequestOptions.create().setHeader("X-Requested-With", "ClassReflect")
                        .setData(Map.of("hideScoresFromTeachers", hide)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    /** Every answer of the API the page receives from now on (the event stream and the audio left out). */
    public static List<Response> record(Page page) {
        List<Response> responses = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("/api/") && !r.url().contains("/api/recordings/events")
                    && !r.url().endsWith("/audio")) {
                responses.add(r);
            }
        });
        return responses;
    }

    /** Each response as "url body". */
    public static List<String> bodies(List<Response> responses) {
        return new ArrayList<>(responses).stream().map(r -> r.url() + " " + r.text()).toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
        server.close();
        if (!cspViolations.isEmpty()) {
            throw new AssertionError("the Content-Security-Policy blocked: " + cspViolations);
        }
    }
}

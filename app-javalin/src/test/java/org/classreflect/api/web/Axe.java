package org.classreflect.api.web;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The axe-core accessibility checker, installed from the npm registry into target/ the first time a test needs it
 * (pinned version; MPL-2.0, so it is fetched rather than vendored into the repository) and run inside the page.
 */
final class Axe {

    static final String VERSION = "4.14.1";
    private static final Path HOME = Path.of("target", "axe-core");
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static String source;

    private Axe() {
    }

    /** The serious and critical violations on the page as it is now, one line each: rule, then the elements. */
    static List<String> seriousViolations(Page page) {
        page.evaluate(script());
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { resultTypes: ['violations'] });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
                }""");
        return found;
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                if (!Files.exists(SCRIPT)) {
                    install();
                }
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new IllegalStateException("axe-core could not be read from " + SCRIPT, e);
            }
        }
        return source;
    }

    private static void install() throws IOException {
        Files.createDirectories(HOME);
        Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                HOME.toString(), "axe-core@" + VERSION).redirectErrorStream(true)
                .redirectOutput(HOME.resolve("npm.log").toFile()).start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install axe-core failed; see " + HOME.resolve("npm.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing axe-core", e);
        }
    }
}

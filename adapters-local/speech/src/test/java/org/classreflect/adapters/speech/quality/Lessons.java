package org.classreflect.adapters.speech.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lessons the analysis is judged on: the scripts in src/test/resources/lessons, spoken by espeak-ng through the
 * shared tool make_lesson.py into target/lessons (made again only when the script changed), and the real
 * three-speaker clip. Which lessons were tuned on is fixed here and in lessons/README.md.
 */
final class Lessons {

    /** The lessons the estimator and the question rules were tuned on; every other lesson is held out. */
    static final List<String> TUNING = List.of("l00-water-cycle", "l01-fractions", "l02-plate-tectonics",
            "l07-times-tables", "l08-poetry", "l17-quick-exchanges", "l18-shared-segments");

    static final String REAL_CLIP = "picovoice-diarization-3speakers";

    static final Path SHARED = Path.of(System.getProperty("classreflect.shared", "../../shared"));
    private static final Path SCRIPTS = Path.of("src/test/resources/lessons");
    private static final Path OUT = Path.of("target/lessons");

    private Lessons() {
    }

    static List<String> synthetic() throws IOException {
        try (var files = Files.list(SCRIPTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    static boolean isHeldOut(String lesson) {
        return !TUNING.contains(lesson);
    }

    /** The lesson's audio and truth, spoken now when missing or older than its script. */
    static LessonTruth generate(String lesson) throws IOException, InterruptedException {
        if (lesson.equals(REAL_CLIP)) {
            return LessonTruth.realClip(SHARED.resolve("audio").resolve(REAL_CLIP + ".wav"));
        }
        Path script = SCRIPTS.resolve(lesson + ".json");
        Path wav = OUT.resolve(lesson + ".wav");
        Path truth = OUT.resolve(lesson + ".truth.json");
        if (!Files.exists(truth) || Files.getLastModifiedTime(truth).compareTo(Files.getLastModifiedTime(script)) < 0) {
            Files.createDirectories(OUT);
            Process p = new ProcessBuilder("python3", SHARED.resolve("tools/make_lesson.py").toString(),
                    script.toString(), OUT.resolve(lesson).toString()).redirectErrorStream(true).start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("make_lesson.py failed for " + lesson + " (needs python3, espeak-ng, sox): "
                        + output);
            }
        }
        return LessonTruth.read(truth, wav);
    }

    static List<String> all() throws IOException {
        List<String> all = new ArrayList<>(synthetic());
        all.add(REAL_CLIP);
        return all;
    }
}

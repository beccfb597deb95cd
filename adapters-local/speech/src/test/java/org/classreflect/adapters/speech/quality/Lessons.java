package org.classreflect.adapters.speech.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lessons the analysis is judged on: the scripts in src/test/resources/lessons, spoken by espeak-ng through the
 * shared tool make_lesson.py into target/lessons, and the real three-speaker clip. A spoken lesson's files are named
 * by a hash of its script and of make_lesson.py, so it is spoken again only when either changed (not when a checkout
 * merely touched the files). Which lessons were tuned on is fixed here and in lessons/README.md.
 */
final class Lessons {

    /** The lessons the estimator and the question rules were tuned on; every other lesson is held out. */
    static final List<String> TUNING = List.of("l00-water-cycle", "l01-fractions", "l02-plate-tectonics",
            "l07-times-tables", "l08-poetry", "l17-quick-exchanges", "l18-shared-segments", "l19-reading-circle",
            "l20-chemistry-lab", "l21-spelling-rules",
            "l22-magnets", "l23-tudor-kings", "l24-shapes", "l27-area-and-perimeter", "l28-the-romans",
            "l29-states-of-matter", "l30-book-club", "l31-food-chains", "l32-french-numbers", "l33-coastal-erosion",
            "l34-forces-and-motion", "l40-decimals", "l42-sound-waves", "l43-shop-maths", "l44-victorian-schools",
            "l45-seed-dispersal", "l46-persuasive-adverts", "l49-telling-the-time", "l50-castles", "l51-the-solar-system",
            "l52-evacuees", "l53-bar-charts", "l41-the-vikings", "l58-school-uniform", "l61-great-fire", "l71-minibeast-hunt",
            "l78-minibeast-hunt-six-times", "l11-ethics-debate",
            "l79-lines-of-symmetry", "l80-newspaper-reports", "l81-melting-chocolate",
            "l82-bird-beaks", "l83-rounding-numbers", "l84-the-anglo-saxons");

    static final String REAL_CLIP = "picovoice-diarization-3speakers";
    /**
     * sox, which make_lesson.py resamples with, dithers with a random seed, so each speaking of a script gave other
     * bytes, and l71's teacher share moved by 0.016 between two; repeatable mode seeds it, so a fresh clone hears what
     * the harness heard.
     */
    private static final String SOX_OPTIONS = "-R";

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

    /** The lesson's audio and truth, spoken now unless this script was already spoken by this make_lesson.py. */
    static LessonTruth generate(String lesson) throws IOException, InterruptedException {
        if (lesson.equals(REAL_CLIP)) {
            return LessonTruth.realClip(SHARED.resolve("audio").resolve(REAL_CLIP + ".wav"));
        }
        Path script = SCRIPTS.resolve(lesson + ".json");
        Path tool = SHARED.resolve("tools/make_lesson.py");
        JsonNode repeat = new ObjectMapper().readTree(script.toFile()).path("repeat");
        Path repeated = repeat.isMissingNode() ? null : SCRIPTS.resolve(repeat.path("lesson").asText() + ".json");
        String spoken = lesson + "-" + (repeated == null ? contentKey(script, tool)
                : contentKey(script, repeated, tool));
        Path wav = OUT.resolve(spoken + ".wav");
        Path truth = OUT.resolve(spoken + ".truth.json");
        if (!Files.exists(truth)) {
            Files.createDirectories(OUT);
            if (repeated != null) {
                script = OUT.resolve(spoken + ".script.json");
                writeRepeated(repeated, repeat.path("times").asInt(), repeat.path("pause_between_s").asDouble(), script);
            }
            ProcessBuilder speaking = new ProcessBuilder("python3", tool.toString(), script.toString(),
                    OUT.resolve(spoken).toString()).redirectErrorStream(true);
            speaking.environment().put("SOX_OPTS", SOX_OPTIONS);
            Process p = speaking.start();
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

    /**
     * A long lesson made of another lesson's script said {@code times} over ({"repeat": {"lesson": …, "times": …,
     * "pause_between_s": …}}), each time after the given pause, so that its script is not written out again.
     */
    private static void writeRepeated(Path lesson, int times, double pauseBetween, Path to) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode once = (ObjectNode) json.readTree(lesson.toFile());
        ArrayNode turns = json.createArrayNode();
        for (int t = 0; t < times; t++) {
            for (int i = 0; i < once.get("turns").size(); i++) {
                ObjectNode turn = once.get("turns").get(i).deepCopy();
                if (t > 0 && i == 0) {
                    turn.put("pause_before_s", pauseBetween);
                }
                turns.add(turn);
            }
        }
        once.set("turns", turns);
        json.writeValue(to.toFile(), once);
    }

    /** Where what pocketsphinx heard in a lesson's audio is kept: named after the audio file, itself keyed. */
    static Path pocketsphinxCache(Path wav) {
        String name = wav.getFileName().toString();
        return OUT.resolve(name.substring(0, name.length() - ".wav".length()) + ".pocketsphinx.json");
    }

    /** The audio made of these files, spoken with {@link #SOX_OPTIONS}. */
    private static String contentKey(Path... files) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SOX_OPTIONS.getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static List<String> all() throws IOException {
        List<String> all = new ArrayList<>(synthetic());
        all.add(REAL_CLIP);
        return all;
    }
}

package org.classreflect.adapters.speech.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lesson scripts speak with the voices they name. espeak-ng takes the variant after "+" as a file name: one it
 * does not find (a wrong case, "Max" for "max") silently gives its default voice, so two speakers of a lesson could be
 * one voice at two pitches (l51 to l53 were, until this test). Needs espeak-ng.
 */
class LessonScriptsTest {

    @Test
    void everyVariantNamedIsOneEspeakNgHas() throws Exception {
        Set<String> variants = espeakVariants();
        List<String> unknown = new ArrayList<>();
        for (String lesson : Lessons.synthetic()) {
            JsonNode script = new ObjectMapper().readTree(Path.of("src/test/resources/lessons", lesson + ".json")
                    .toFile());
            script.path("voices").properties().forEach(voice -> {
                String name = voice.getValue().get(indexOf(voice.getValue(), "-v") + 1).asText();
                String variant = name.contains("+") ? name.substring(name.indexOf('+') + 1) : null;
                if (variant != null && !variants.contains(variant)) {
                    unknown.add(lesson + " " + voice.getKey() + ": " + name);
                }
            });
        }

        assertThat(variants).contains("m3", "steph2", "Alex");
        assertThat(unknown).isEmpty();
    }

    private static int indexOf(JsonNode args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).asText().equals(flag)) {
                return i;
            }
        }
        throw new AssertionError("no " + flag + " in " + args);
    }

    /** The variant file names, as the "File" column of `espeak-ng --voices=variant` lists them ("!v/steph2"). */
    private static Set<String> espeakVariants() throws Exception {
        Process p = new ProcessBuilder("espeak-ng", "--voices=variant").redirectErrorStream(true).start();
        String listing;
        try (InputStream in = p.getInputStream()) {
            listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return listing.lines().skip(1).map(line -> Arrays.stream(line.trim().split("\\s+"))
                        .filter(column -> column.startsWith("!v/")).findFirst().orElse(""))
                .filter(file -> !file.isEmpty()).map(file -> file.substring("!v/".length()))
                .collect(Collectors.toSet());
    }
}

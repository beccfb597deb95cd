package org.classreflect.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md shows the school-system example's wiring: this keeps the two the same, and the wiring short.
 * The snippet is the example's lines between {@code // tag::wiring[]} and {@code // end::wiring[]}, without their
 * common indentation, and must appear verbatim in a {@code ```java} block of the guide.
 */
class EmbeddingGuideTest {

    private static final Path ROOT = Path.of(System.getProperty("classreflect.root", ".."));
    private static final Path EXAMPLE =
            ROOT.resolve("examples/school-system/src/main/java/edu/example/schoolsystem/SchoolSystem.java");
    private static final Path GUIDE = ROOT.resolve("docs/embedding.md");

    @Test
    void theGuideShowsTheExamplesWiringVerbatim() throws IOException {
        List<String> wiring = wiring();

        String snippet = String.join("\n", wiring);
        assertThat(javaBlocks(Files.readString(GUIDE)))
                .as("a ```java block of docs/embedding.md holding the wiring of %s", EXAMPLE)
                .anySatisfy(block -> assertThat(block).contains(snippet));
    }

    @Test
    void theWiringTakesAtMostFifteenLines() throws IOException {
        assertThat(wiring()).isNotEmpty().hasSizeLessThanOrEqualTo(15);
    }

    private static List<String> wiring() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE);
        int start = indexOf(lines, "// tag::wiring[]");
        int end = indexOf(lines, "// end::wiring[]");
        assertThat(start).as("// tag::wiring[] in %s", EXAMPLE).isNotNegative();
        assertThat(end).as("// end::wiring[] after the tag in %s", EXAMPLE).isGreaterThan(start);
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new java.util.ArrayList<>();
        String[] parts = markdown.split("(?m)^```java\\s*$", -1);
        for (int i = 1; i < parts.length; i++) {
            int close = parts[i].indexOf("\n```");
            blocks.add(close < 0 ? parts[i] : parts[i].substring(0, close + 1));
        }
        return blocks;
    }
}

package org.classreflect.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.classreflect.core.rubric.InvalidJsonException;
import org.junit.jupiter.api.Test;

class JacksonJsonReaderTest {

    private final JacksonJsonReader reader = new JacksonJsonReader();

    @Test
    void readsPlainJavaValues() throws Exception {
        Object tree = reader.read("{\"a\": [1, 2.5, \"x\", true, null], \"b\": {}}");

        assertThat(tree).isEqualTo(Map.of("a", Arrays.asList(1, new BigDecimal("2.5"), "x", true, null),
                "b", Map.of()));
        assertThat(reader.read("85.0")).isInstanceOf(BigDecimal.class);
        assertThat(reader.read("[85]")).isEqualTo(List.of(85));
    }

    @Test
    void refusesAnythingButExactlyOneWellFormedValue() {
        for (String bad : List.of("", "{\"a\": 1} trailing", "{\"a\": 1, \"a\": 2}", "{'a': 1}",
                "{\"a\": 1 // note\n}", "{\"a\": 1,}", "Here is the JSON: {}")) {
            assertThatThrownBy(() -> reader.read(bad)).as(bad).isInstanceOf(InvalidJsonException.class);
        }
    }
}

package org.classreflect.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the table "Ports and their adapters" of docs/architecture.md true. A port is an interface of core
 * ({@code org.classreflect.core..}) that some class outside core, or in {@code core.inmemory}, implements; its adapters
 * are all its production implementations on this module's test class path (core, every adapter module, the sdk;
 * not test-fixtures, not tests, not anonymous or Dagger-generated classes). The table must list exactly those ports,
 * each with exactly those adapters.
 */
class ArchitectureDocTest {

    private static final Path ROOT = Path.of(System.getProperty("classreflect.root", ".."));
    private static final Path DOC = ROOT.resolve("docs/architecture.md");
    private static final String HEADING = "## Ports and their adapters";
    private static final Pattern CODE = Pattern.compile("`([A-Za-z0-9_]+)`");

    @Test
    void thePortsTableListsEveryPortAndEveryAdapter() throws IOException {
        Map<String, Set<String>> inCode = portsInCode();
        Map<String, Set<String>> inDoc = portsInDoc();

        List<String> problems = new ArrayList<>();
        for (var port : inCode.entrySet()) {
            Set<String> documented = inDoc.get(port.getKey());
            if (documented == null) {
                problems.add("add a row for port `" + port.getKey() + "` with adapters " + port.getValue());
                continue;
            }
            Set<String> missing = new TreeSet<>(port.getValue());
            missing.removeAll(documented);
            Set<String> extra = new TreeSet<>(documented);
            extra.removeAll(port.getValue());
            if (!missing.isEmpty()) {
                problems.add("row `" + port.getKey() + "`: add adapters " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add("row `" + port.getKey() + "`: remove adapters " + extra
                        + " (they do not implement it, or are no longer production code)");
            }
        }
        for (String port : inDoc.keySet()) {
            if (!inCode.containsKey(port)) {
                problems.add("remove the row for `" + port + "`: no interface of core by that name has an adapter");
            }
        }
        assertThat(problems)
                .as("the table '%s' in %s disagrees with the code; fix the table:%n  %s",
                        HEADING.substring(3), DOC, String.join("\n  ", problems))
                .isEmpty();
    }

    /** Port (simple name) to the simple names of its production implementations. */
    private static Map<String, Set<String>> portsInCode() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/classreflect/testfixtures/"))
                .importPackages("org.classreflect");
        assertThat(classes.stream().map(JavaClass::getPackageName))
                .as("the import sees core and the adapter modules")
                .contains("org.classreflect.core.inmemory", "org.classreflect.adapters.sql",
                        "org.classreflect.adapters.aws");

        Map<JavaClass, Set<JavaClass>> implementations = new LinkedHashMap<>();
        for (JavaClass type : classes) {
            if (!isProduction(type)) {
                continue;
            }
            for (JavaClass port : type.getAllRawInterfaces()) {
                if (port.getPackageName().startsWith("org.classreflect.core")) {
                    implementations.computeIfAbsent(port, p -> new TreeSet<>(
                            java.util.Comparator.comparing(JavaClass::getName))).add(type);
                }
            }
        }
        Map<String, Set<String>> ports = new TreeMap<>();
        implementations.forEach((port, types) -> {
            boolean adapted = types.stream().anyMatch(t -> !t.getPackageName().startsWith("org.classreflect.core")
                    || t.getPackageName().equals("org.classreflect.core.inmemory"));
            if (adapted) {
                Set<String> names = new TreeSet<>();
                types.forEach(t -> names.add(t.getSimpleName()));
                ports.put(port.getSimpleName(), names);
            }
        });
        return ports;
    }

    private static boolean isProduction(JavaClass type) {
        String simple = type.getSimpleName();
        return !type.isInterface()
                && !type.isAnonymousClass()
                && !simple.isEmpty()
                && !type.getName().contains("$$Lambda")
                && !simple.startsWith("Dagger")
                && !simple.contains("_")
                && !type.isAnnotatedWith("dagger.internal.DaggerGenerated");
    }

    /** The table's rows: port to adapters, from the backticked names in its first and third cells. */
    private static Map<String, Set<String>> portsInDoc() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(HEADING);
        assertThat(start).as("a heading '%s' in %s", HEADING, DOC).isNotNegative();
        Map<String, Set<String>> rows = new TreeMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|", -1);
            if (cells.length < 5 || line.matches("\\|[-| :]+\\|") || cells[1].strip().equals("port")) {
                continue;
            }
            List<String> port = names(cells[1]);
            assertThat(port).as("one backticked port in the first cell of: %s", line).hasSize(1);
            Set<String> previous = rows.put(port.get(0), new TreeSet<>(names(cells[3])));
            assertThat(previous).as("one row only for `%s`", port.get(0)).isNull();
        }
        assertThat(rows).as("rows in the table under '%s' of %s", HEADING, DOC).isNotEmpty();
        return rows;
    }

    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}

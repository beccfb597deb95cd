package org.classreflect.api.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.classreflect.core.school.ImportTeachers;

/**
 * Reads a CSV of accounts with the header {@code name,email,role} (role optional; header case and spaces do not
 * matter; a spreadsheet's byte-order mark is ignored). Row numbers are the file's, the header being row 1.
 */
final class TeacherCsv {

    /** The rows, or the problems that stop the file from being read at all (bad header, broken quoting). */
    record Parsed(List<ImportTeachers.Row> rows, List<ImportTeachers.Problem> problems) {
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).build();
    private static final List<String> COLUMNS = List.of(ImportTeachers.NAME, ImportTeachers.EMAIL,
            ImportTeachers.ROLE);

    private TeacherCsv() {
    }

    static Parsed read(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        List<ImportTeachers.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Map<String, String> header = headerColumns(parser.getHeaderNames());
            List<ImportTeachers.Problem> problems = headerProblems(header);
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), problems);
            }
            for (CSVRecord record : parser) {
                if (rows.size() > ImportTeachers.MAX_ROWS) {
                    break;
                }
                rows.add(new ImportTeachers.Row(record.getRecordNumber() + 1,
                        value(record, header.get(ImportTeachers.NAME)),
                        value(record, header.get(ImportTeachers.EMAIL)),
                        value(record, header.get(ImportTeachers.ROLE))));
            }
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            long row = rows.isEmpty() ? 2 : rows.get(rows.size() - 1).row() + 1;
            return new Parsed(List.of(), List.of(new ImportTeachers.Problem(row, "",
                    "the file is not valid CSV from here on (an unclosed quote?)")));
        }
        return new Parsed(rows, List.of());
    }

    /** Our column name -> the file's header as written. */
    private static Map<String, String> headerColumns(List<String> names) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String name : names) {
            columns.put(name.replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT), name);
        }
        return columns;
    }

    private static List<ImportTeachers.Problem> headerProblems(Map<String, String> header) {
        List<ImportTeachers.Problem> problems = new ArrayList<>();
        for (String required : List.of(ImportTeachers.NAME, ImportTeachers.EMAIL)) {
            if (!header.containsKey(required)) {
                problems.add(new ImportTeachers.Problem(1, required, "the header row has no '" + required
                        + "' column (expected: name,email,role)"));
            }
        }
        header.forEach((ours, written) -> {
            if (!COLUMNS.contains(ours)) {
                problems.add(new ImportTeachers.Problem(1, written, "unknown column (expected: name,email,role)"));
            }
        });
        return problems;
    }

    private static String value(CSVRecord record, String column) {
        return column == null || !record.isSet(column) ? null : record.get(column);
    }
}

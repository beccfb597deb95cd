package org.classreflect.adapters.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.classreflect.core.recording.SearchWords;
import org.h2.api.Trigger;

/**
 * Keeps H2's {@code search_terms} (V11) in step with the searched text, in the transaction that changes it, as a
 * full-text index does on MySQL: the words of a recording's titles (source R) and of its transcript (source T). A
 * change that leaves the text as it was (a progress update) costs one comparison. H2 stores this class's name in
 * the database: renaming it needs a migration.
 */
public final class SearchTermsTrigger implements Trigger {

    static final String TITLES = "R";
    static final String TRANSCRIPT = "T";
    /** The columns of a recording's titles, as the MySQL full-text index ft_recordings_titles has them. */
    static final List<String> TITLE_COLUMNS = List.of("class_name", "subject", "original_file_name", "notes",
            "lesson_name");

    private String schema;
    private String table;
    private String source;
    private int rowLength;
    private int idColumn;
    private int[] textColumns;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.schema = schema;
        // an ALTER TABLE re-creates the trigger on a copy named e.g. recordings_COPY_4_26 before renaming it back
        boolean recordings = table.toLowerCase(Locale.ROOT).startsWith("recordings");
        this.table = recordings ? "recordings" : "transcripts";
        source = recordings ? TITLES : TRANSCRIPT;
    }

    /**
     * Finds the columns by name when the row's shape is new to this trigger: H2 keeps the trigger across an ALTER TABLE
     * (a later migration's new column), so positions read once at init would go stale.
     */
    private void locateColumns(Connection connection, int rowLength) throws SQLException {
        if (textColumns != null && rowLength == this.rowLength) {
            return;
        }
        boolean recordings = source.equals(TITLES);
        List<String> columns = columnNames(connection, schema, table);
        idColumn = columns.indexOf(recordings ? "id" : "recording_id");
        List<String> text = recordings ? TITLE_COLUMNS : List.of("text");
        // lesson_name comes with V15: the migrations before it change rows without it
        textColumns = text.stream().filter(c -> columns.contains(c) || !c.equals("lesson_name"))
                .mapToInt(columns::indexOf).toArray();
        if (idColumn < 0 || Arrays.stream(textColumns).anyMatch(i -> i < 0) || columns.size() != rowLength) {
            throw new SQLException("search terms: table " + table + " has columns " + columns + ", rows of "
                    + rowLength);
        }
        this.rowLength = rowLength;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        locateColumns(connection, (newRow != null ? newRow : oldRow).length);
        String oldText = oldRow == null ? null : text(oldRow);
        String newText = newRow == null ? null : text(newRow);
        if (oldRow != null && newRow != null && Objects.equals(oldText, newText)
                && Objects.equals(oldRow[idColumn], newRow[idColumn])) {
            return;
        }
        if (oldRow != null) {
            forget(connection, (String) oldRow[idColumn], source);
        }
        if (newRow != null) {
            index(connection, (String) newRow[idColumn], source, newText);
        }
    }

    /** Stores the words of {@code text} as the recording's words from {@code source}. */
    static void index(Connection connection, String recordingId, String source, String text) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO search_terms (recording_id, source, term) VALUES (?, ?, ?)")) {
            for (String word : SearchWords.of(text)) {
                insert.setString(1, recordingId);
                insert.setString(2, source);
                insert.setString(3, word);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void forget(Connection connection, String recordingId, String source) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM search_terms WHERE recording_id = ? AND source = ?")) {
            delete.setString(1, recordingId);
            delete.setString(2, source);
            delete.executeUpdate();
        }
    }

    private String text(Object[] row) {
        return Arrays.stream(textColumns).mapToObj(i -> row[i]).filter(Objects::nonNull).map(Object::toString)
                .collect(Collectors.joining(" "));
    }

    /** In column order (the metadata lists them so). */
    private static List<String> columnNames(Connection connection, String schema, String table)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}

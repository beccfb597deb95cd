package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.Role;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V8 turns the ENUM status and role columns into checked VARCHAR columns: a database migrated to V7 that holds a row in
 * every status and role reads each of them back after V8, on H2 and on MariaDB.
 */
class StatusColumnsMigrationTest {

    private static final String[][] STATUS_COLUMNS = {{"recordings", "status"}, {"analyses", "status"},
            {"users", "role"}};

    @Test
    void keepsEveryStatusOnH2() throws SQLException {
        String url = "jdbc:h2:mem:v7-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        migrateFromV7WithEveryStatus(url, "sa", "");
    }

    @Test
    void keepsEveryStatusOnMariaDb() throws SQLException {
        migrateFromV7WithEveryStatus(TestDatabases.mariaDbUrl("migrated_from_v7"), MariaDbServer.USER,
                MariaDbServer.PASSWORD);
    }

    private static void migrateFromV7WithEveryStatus(String url, String user, String password) throws SQLException {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("7").load()
                .migrate();
        Jdbi.create(url, user, password).useHandle(StatusColumnsMigrationTest::insertEveryStatus);

        try (Database database = Database.connect(url, user, password, 2)) {
            Jdbi jdbi = database.jdbi();
            assertThat(new JdbiRecordings(jdbi).findByStatus(EnumSet.allOf(RecordingStatus.class)))
                    .extracting(Recording::status).containsExactlyInAnyOrder(RecordingStatus.values());
            for (Role role : Role.values()) {
                assertThat(new JdbiUsers(jdbi).anyWithRole(role)).as(role.wireName()).isTrue();
            }
            List<String> analysisStatuses = jdbi.withHandle(
                    h -> h.createQuery("SELECT status FROM analyses").mapTo(String.class).list());
            assertThat(analysisStatuses).containsExactlyInAnyOrderElementsOf(Arrays.stream(AnalysisStatus.values())
                            .map(AnalysisStatus::wireName).toList());
            jdbi.useHandle(h -> {
                for (String[] column : STATUS_COLUMNS) {
                    assertThat(typeName(h, column[0], column[1])).as(column[0] + "." + column[1])
                            .doesNotStartWithIgnoringCase("enum");
                }
                assertThatThrownBy(() -> h.execute("UPDATE recordings SET status = 'lost' WHERE id = 'r-queued'"))
                        .hasMessageContaining("ck_recordings_status");
            });
        }
    }

    private static void insertEveryStatus(Handle h) {
        h.execute("INSERT INTO schools (id, name, created_at) VALUES ('s-1', 'Oak', CURRENT_TIMESTAMP(3))");
        for (Role role : Role.values()) {
            h.execute("""
                    INSERT INTO users (id, school_id, email, display_name, role, password_hash, active,
                                       must_change_password, created_at)
                    VALUES (?, 's-1', ?, 'U', ?, 'x', TRUE, FALSE, CURRENT_TIMESTAMP(3))""",
                    "u-" + role.wireName(), role.wireName() + "@oak.test", role.wireName());
        }
        for (RecordingStatus status : RecordingStatus.values()) {
            h.execute("""
                    INSERT INTO recordings (id, school_id, teacher_id, size_bytes, status, progress_percent, attempts,
                                            created_at)
                    VALUES (?, 's-1', 'u-teacher', 1, ?, 0, 0, CURRENT_TIMESTAMP(3))""",
                    "r-" + status.wireName(), status.wireName());
        }
        h.execute("""
                INSERT INTO analysis_templates (id, version, school_id, name, subjects, grades, criteria, deleted,
                                                created_at)
                VALUES ('t-1', 1, 's-1', 'Rubric', '[]', '[]', '[]', FALSE, CURRENT_TIMESTAMP(3))""");
        for (AnalysisStatus status : AnalysisStatus.values()) {
            h.execute("""
                    INSERT INTO analyses (id, recording_id, school_id, teacher_id, template_id, template_version,
                                          status, lesson_at, created_at)
                    VALUES (?, 'r-completed', 's-1', 'u-teacher', 't-1', 1, ?, CURRENT_TIMESTAMP(3),
                            CURRENT_TIMESTAMP(3))""",
                    "a-" + status.wireName(), status.wireName());
        }
    }

    private static String typeName(Handle h, String table, String column) throws SQLException {
        DatabaseMetaData metaData = h.getConnection().getMetaData();
        try (ResultSet columns = metaData.getColumns(h.getConnection().getCatalog(), null, table, column)) {
            assertThat(columns.next()).as(table + "." + column + " exists").isTrue();
            return columns.getString("TYPE_NAME");
        }
    }
}

package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.Test;

/** V23 indexes the word lists a MariaDB database held at V22, in batches, and the search then reads the index. */
class SearchPostingsMigrationTest {

    /** More than one of the migration's batches of 200. */
    private static final int RECORDINGS = 205;

    @Test
    void indexesTheRecordingsAlreadyStored() {
        String url = TestDatabases.mariaDbUrl("v22_" + UUID.randomUUID().toString().replace("-", ""));
        migrate(url, "22");
        Jdbi v22 = Jdbi.create(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
        new JdbiSchools(v22).insert(ASchool.named("s-1", "Oak"));
        new JdbiUsers(v22).insert(AUser.teacher("t-1", "s-1"));
        storeAtV22(v22);

        try (Database database = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            Jdbi jdbi = database.jdbi();
            new JdbiRecordings(jdbi).insert(ARecording.of("after", "s-1", "t-1")
                    .createdAt(Instant.parse("2026-03-01T09:00:00Z")).build());
            JdbiRecordingTextSearch search = new JdbiRecordingTextSearch(jdbi);

            var water = search.search(query(RecordingScope.school("s-1"), "water"));
            var yearFive = search.search(query(RecordingScope.everything(), "fractions 5"));
            var newest = search.search(query(RecordingScope.everything(), "mp3"));

            assertThat(water.total()).isEqualTo(RECORDINGS);
            assertThat(water.items()).extracting(r -> r.recording().id()).first().isEqualTo("r-" + (RECORDINGS - 1));
            // "5" begins the class names of r-5 and r-50 to r-59
            assertThat(yearFive.total()).isEqualTo(11);
            assertThat(yearFive.items()).extracting(r -> r.recording().id()).containsExactly("r-59");
            assertThat(newest.items()).extracting(r -> r.recording().id()).containsExactly("after");
        }
    }

    @Test
    void aRunCutOffAfterItsSchemaChangesRunsAgain() {
        String url = TestDatabases.mariaDbUrl("v23_" + UUID.randomUUID().toString().replace("-", ""));
        Jdbi jdbi = Jdbi.create(url, MariaDbServer.USER, MariaDbServer.PASSWORD);
        migrate(url, "22");
        new JdbiSchools(jdbi).insert(ASchool.named("s-1", "Oak"));
        new JdbiUsers(jdbi).insert(AUser.teacher("t-1", "s-1"));
        storeAtV22(jdbi);
        migrate(url, "23");
        // what a process stopped during the fill leaves: MySQL kept the ALTERs, the fill and its record rolled back
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM search_postings");
            h.execute("DELETE FROM flyway_schema_history WHERE version = '23'");
        });

        try (Database database = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            var water = new JdbiRecordingTextSearch(database.jdbi())
                    .search(query(RecordingScope.school("s-1"), "water"));

            assertThat(water.total()).isEqualTo(RECORDINGS);
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, MariaDbServer.USER, MariaDbServer.PASSWORD)
                .locations("classpath:db/migration").javaMigrations(Migrations.IN_JAVA.toArray(JavaMigration[]::new))
                .target(target).load().migrate();
    }

    /** Recordings r-0 (oldest) to r-204 as V21's code stored them: titles "Year i Fractions", transcript "Water". */
    private static void storeAtV22(Jdbi jdbi) {
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        jdbi.useHandle(h -> {
            PreparedBatch recordings = h.prepareBatch("""
                    INSERT INTO recordings (id, school_id, teacher_id, class_name, size_bytes, status,
                        progress_percent, attempts, created_at, search_words)
                    VALUES (:id, 's-1', 't-1', :className, 0, 'completed', 100, 0, :createdAt, :words)""");
            PreparedBatch transcripts = h.prepareBatch(
                    "INSERT INTO transcript_search_words (recording_id, search_words) VALUES (:id, :words)");
            for (int i = 0; i < RECORDINGS; i++) {
                String className = "Year " + i + " Fractions";
                recordings.bind("id", "r-" + i).bind("className", className)
                        .bind("createdAt", SqlTimes.utc(t0.plusSeconds(60L * i)))
                        .bind("words", SearchWordLists.ofTitles(className)).add();
                transcripts.bind("id", "r-" + i).bind("words", SearchWordLists.ofTranscript("Water everywhere."))
                        .add();
            }
            recordings.execute();
            transcripts.execute();
        });
    }

    private static RecordingQuery query(RecordingScope scope, String text) {
        return new RecordingQuery(scope, null, Set.of(), new PageRequest(0, 1), new RecordingSearch(text, null, null,
                null));
    }
}

package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The rebuild puts right what writers that did not keep the word index left (a release from before V23 during a
 * rolling upgrade, played here by plain SQL): recordings missing from it, and words a recording no longer has.
 */
class SearchIndexRebuildTest {

    @Test
    void indexesWhatWritersLeftOutAndForgetsWhatTheyLeftBehind() {
        String url = TestDatabases.mariaDbUrl("rebuild_" + UUID.randomUUID().toString().replace("-", ""));
        try (Database database = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            Jdbi jdbi = database.jdbi();
            new JdbiSchools(jdbi).insert(ASchool.named("s-1", "Oak"));
            new JdbiUsers(jdbi).insert(AUser.teacher("t-1", "s-1"));
            var recordings = new JdbiRecordings(jdbi);
            var glaciers = new RecordingMetadata("Glaciers", null, null, null);
            recordings.insert(ARecording.of("kept", "s-1", "t-1").metadata(glaciers)
                    .createdAt(Instant.parse("2026-03-01T09:00:00Z")).build());
            recordings.insert(ARecording.of("renamed", "s-1", "t-1").metadata(glaciers)
                    .createdAt(Instant.parse("2026-03-02T09:00:00Z")).build());
            jdbi.useHandle(h -> {
                h.createUpdate("""
                        INSERT INTO recordings (id, school_id, teacher_id, class_name, size_bytes, status,
                            progress_percent, attempts, created_at, search_words)
                        VALUES ('unindexed', 's-1', 't-1', 'Volcanoes', 0, 'completed', 100, 0, :at, :words)""")
                        .bind("at", SqlTimes.utc(Instant.parse("2026-03-03T09:00:00Z")))
                        .bind("words", SearchWordLists.ofTitles("Volcanoes")).execute();
                h.createUpdate("UPDATE recordings SET class_name = 'Rivers', search_words = :words WHERE id = 'renamed'")
                        .bind("words", SearchWordLists.ofTitles("Rivers")).execute();
            });
            var search = new JdbiRecordingTextSearch(jdbi);
            assertThat(ids(search, "volcanoes")).as("left out before the rebuild").isEmpty();
            assertThat(ids(search, "glaciers")).as("left behind before the rebuild").contains("renamed");

            var rebuilt = SearchIndexRebuild.rebuild(jdbi, done -> { });

            assertThat(rebuilt).hasValue(3);
            assertThat(ids(search, "volcanoes")).containsExactly("unindexed");
            assertThat(ids(search, "glaciers")).containsExactly("kept");
            assertThat(ids(search, "rivers")).containsExactly("renamed");
        }
    }

    @Test
    void theEmbeddedDatabaseHasNoIndexToRebuild() {
        assertThat(SearchIndexRebuild.rebuild(TestDatabases.h2().jdbi(), done -> { })).isEmpty();
    }

    private static Iterable<String> ids(JdbiRecordingTextSearch search, String text) {
        return search.search(new RecordingQuery(RecordingScope.school("s-1"), null, Set.of(), new PageRequest(0, 50),
                new RecordingSearch(text, null, null, null))).items().stream().map(r -> r.recording().id()).toList();
    }
}

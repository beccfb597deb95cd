package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The plans the databases choose for the listings, on 2,000 recordings of 20 teachers in 2 schools: each page is read
 * from the index that has its filter and its order, so page 1 reads 20 rows, not every row of the teacher.
 */
class RecordingQueryPlansTest {

    private static final int TEACHERS = 20;
    private static final int PER_TEACHER = 100;

    abstract static class Plans {

        Jdbi jdbi;

        abstract Database database();

        /** The plan as text; on MySQL/MariaDB the index ({@code key}) and the Extra column of each table read. */
        abstract String plan(Jdbi jdbi, String sql, Map<String, Object> params);

        /** What the plan says when rows come in the index's order, with no sort. */
        abstract String readsInIndexOrder();

        /** What the plan says when the page's teacher names are read by the users' primary key. */
        abstract String readsTheTeacherByKey();

        /** What the plan says when a count reads only the index. */
        abstract String readsOnlyTheIndex();

        @BeforeEach
        void fill() {
            jdbi = TestDatabases.clean(database()).jdbi();
            new JdbiSchools(jdbi).insert(ASchool.named("s-1", "Oak"));
            new JdbiSchools(jdbi).insert(ASchool.named("s-2", "Elm"));
            JdbiUsers users = new JdbiUsers(jdbi);
            JdbiRecordings recordings = new JdbiRecordings(jdbi);
            Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
            for (int t = 0; t < TEACHERS; t++) {
                String school = t % 2 == 0 ? "s-1" : "s-2";
                users.insert(AUser.teacher("t-" + t, school));
                for (int i = 0; i < PER_TEACHER; i++) {
                    recordings.insert(ARecording.of("r-" + t + "-" + i, school, "t-" + t)
                            .status(RecordingStatus.COMPLETED).createdAt(t0.plusSeconds(3600L * (i * TEACHERS + t)))
                            .build());
                }
            }
            jdbi.useHandle(h -> h.execute(database() == TestDatabases.h2() ? "ANALYZE" : "ANALYZE TABLE recordings, search_postings"));
        }

        private String pagePlan(RecordingScope scope) {
            var sql = new RecordingQuerySql(new RecordingQuery(scope, null, Set.of(), PageRequest.first(),
                    RecordingSearch.NONE));
            return plan(jdbi, sql.pageSql(), sql.pageParams());
        }

        private String countPlan(RecordingScope scope, boolean capped) {
            var sql = new RecordingQuerySql(new RecordingQuery(scope, null, Set.of(), PageRequest.first(),
                    RecordingSearch.NONE, capped ? ListRecordings.COUNT_CAP : RecordingQuery.EXACT_COUNT));
            return plan(jdbi, sql.countSql(), sql.countParams());
        }

        @Test
        void aTeachersPageReadsTheTeachersIndexInOrder() {
            assertThat(pagePlan(RecordingScope.teacher("t-3"))).contains("ix_recordings_teacher_created")
                    .contains(readsInIndexOrder()).doesNotContainIgnoringCase("filesort");
        }

        @Test
        void aSchoolsPageReadsTheSchoolsIndexInOrder() {
            assertThat(pagePlan(RecordingScope.school("s-1"))).contains("ix_recordings_school_created")
                    .contains(readsInIndexOrder()).doesNotContainIgnoringCase("filesort");
        }

        @Test
        void aPagesTeacherNamesAreReadOneByKey() {
            assertThat(pagePlan(RecordingScope.school("s-1"))).contains(readsTheTeacherByKey());
            assertThat(pagePlan(RecordingScope.everything())).contains(readsTheTeacherByKey());
        }

        @Test
        void countsReadOnlyAnIndex() {
            for (boolean capped : new boolean[] {false, true}) {
                assertThat(countPlan(RecordingScope.teacher("t-3"), capped)).contains(readsOnlyTheIndex());
                assertThat(countPlan(RecordingScope.school("s-1"), capped)).contains(readsOnlyTheIndex());
            }
        }
    }

    @Nested
    class OnH2 extends Plans {
        @Override
        Database database() {
            return TestDatabases.h2();
        }

        @Override
        String plan(Jdbi jdbi, String sql, Map<String, Object> params) {
            return jdbi.withHandle(h -> String.join("\n",
                    h.createQuery("EXPLAIN " + sql).bindMap(params).mapTo(String.class).list()));
        }

        @Override
        String readsInIndexOrder() {
            return "index sorted";
        }

        @Override
        String readsTheTeacherByKey() {
            return "PRIMARY_KEY";
        }

        @Override
        String readsOnlyTheIndex() {
            return "_id = ?1";
        }
    }

    @Nested
    class OnMariaDb extends Plans {
        @Override
        Database database() {
            return TestDatabases.mariaDb();
        }

        @Override
        String plan(Jdbi jdbi, String sql, Map<String, Object> params) {
            return jdbi.withHandle(h -> String.join("\n", h.createQuery("EXPLAIN " + sql).bindMap(params)
                    .map((rs, ctx) -> rs.getString("table") + " key=" + rs.getString("key") + " extra="
                            + rs.getString("Extra")).list()));
        }

        @Override
        String readsInIndexOrder() {
            return "key=ix_recordings_";
        }

        @Override
        String readsTheTeacherByKey() {
            return "teacher key=PRIMARY";
        }

        @Override
        String readsOnlyTheIndex() {
            return "Using index";
        }

        /** "mp3", in every recording's file name, has 2,000 postings: 1,000 per school. */
        @Test
        void aSchoolsPostingsOfAWordAreReadFromItsRangeInOrder() {
            long school = jdbi.withHandle(h -> h.createQuery("SELECT search_key FROM schools WHERE id = 's-1'")
                    .mapTo(Long.class).one());

            // the primary key holds the whole row: its range is read alone ("Using index" names secondary keys only)
            assertThat(postingsPlan(school)).contains("search_postings key=PRIMARY")
                    .doesNotContainIgnoringCase("filesort");
        }

        @Test
        void theDistrictsPostingsOfAWordAreReadFromItsRangeInOrder() {
            assertThat(postingsPlan(null)).contains("search_postings key=ix_search_postings_word_created")
                    .contains("Using index").doesNotContainIgnoringCase("filesort");
        }

        @Test
        void aQueryWordsIndexedWordsAreReadFromTheIndexAlone() {
            String plan = plan(jdbi, PostingsSearch.INDEXED_WORDS, Map.of("prefix", "mp%", "most", 51));

            assertThat(plan).contains("Using index for group-by").doesNotContainIgnoringCase("filesort");
        }

        @Test
        void candidatesAreFoundByTheirKeys() {
            var sql = new RecordingQuerySql(new RecordingQuery(RecordingScope.school("s-1"), null, Set.of(),
                    PageRequest.first(), RecordingSearch.NONE));

            List<Long> keys = jdbi.withHandle(h -> h.createQuery("SELECT search_key FROM recordings LIMIT 2")
                    .mapTo(Long.class).list());

            assertThat(plan(jdbi, sql.amongSearchKeysSql().replace("<keys>", ":k0, :k1"),
                    Map.of("scopeSchool", "s-1", "k0", keys.get(0), "k1", keys.get(1))))
                    .contains("recordings key=ux_recordings_search_key");
        }

        /** A read that continues after an earlier one, with upload dates: still one range, in order. */
        private String postingsPlan(Long school) {
            WordPostings postings = new WordPostings(null, "mp3", school, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:00:00Z"), 20);
            postings.skipTo(new Posting(Instant.parse("2026-03-01T00:00:00Z"), 1_000));
            Map<String, Object> params = new java.util.HashMap<>(Map.of("word", "mp3", "at", "2026-03-01 00:00:00",
                    "key", 1_000, "from", "2026-01-01 00:00:00", "to", "2027-01-01 00:00:00", "chunk", 20));
            if (school != null) {
                params.put("school", school);
            }
            return plan(jdbi, postings.sql(), params);
        }
    }
}

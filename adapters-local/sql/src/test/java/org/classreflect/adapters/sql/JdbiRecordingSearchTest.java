package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.ATranscript;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.contracts.RecordingSearchContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract on H2 (its word table) and on MariaDB: through the postings, read one row per statement; and with the
 * postings left out, by the scan of the newest recordings (the tests' few) and, reading one recording only, by the
 * full-text index (the ways a teacher's search, or a prefix of too many words, takes).
 */
class JdbiRecordingSearchTest {

    private static RecordingSearchContract.Stores stores(Database database, JdbiRecordingTextSearch.Settings s) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new RecordingSearchContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi),
                new JdbiRecordings(jdbi), new JdbiTranscripts(jdbi), new JdbiRecordingTextSearch(jdbi, s));
    }

    private static JdbiRecordingTextSearch.Settings scanOnly(int scanned) {
        return new JdbiRecordingTextSearch.Settings(scanned, PostingsSearch.CHUNK, -1);
    }

    @Nested
    class OnH2 extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2(), JdbiRecordingTextSearch.Settings.DEFAULT);
        }
    }

    @Nested
    class PostingsOnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb(), new JdbiRecordingTextSearch.Settings(
                    JdbiRecordingTextSearch.SCANNED, 1, PostingsSearch.MOST_WORDS_PER_PREFIX));
        }
    }

    @Nested
    class ScannedOnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb(), scanOnly(JdbiRecordingTextSearch.SCANNED));
        }
    }

    @Nested
    class IndexedOnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb(), scanOnly(1));
        }
    }

    /**
     * When the newest recordings hold more matches than the count's limit, the page comes from them and the index is
     * not asked: a word that only the word lists have (put there by hand) is found.
     */
    @Test
    void theNewestRecordingsAnswerWhenTheyHoldEnoughMatches() {
        Jdbi jdbi = recordingsWhoseListsAloneHave("listsonly", 4);

        var newest = new JdbiRecordingTextSearch(jdbi, scanOnly(3)).search(everything("listsonly", 2));

        assertThat(newest.items()).extracting(r -> r.recording().id()).containsExactly("r-3");
        assertThat(newest.total()).isEqualTo(2);
        assertThat(newest.totalCapped()).isTrue();
    }

    /** Matches dense enough to fill the count within a few times the newest recordings: the scan reads on. */
    @Test
    void aScanReadsOlderRecordingsWhenItsMatchesAreDense() {
        Jdbi jdbi = recordingsWhoseListsAloneHave("listsonly", 10);

        var page = new JdbiRecordingTextSearch(jdbi, scanOnly(2)).search(everything("listsonly", 5));

        assertThat(page.items()).extracting(r -> r.recording().id()).containsExactly("r-9");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.totalCapped()).isTrue();
    }

    /** Fewer matches than that: the index answers, and it has no such word. */
    @Test
    void theIndexAnswersWhenTheScansMatchesAreSparse() {
        Jdbi jdbi = recordingsWhoseListsAloneHave("listsonly", 10);

        var page = new JdbiRecordingTextSearch(jdbi, scanOnly(1)).search(everything("listsonly", 5));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    /** Each change moves a recording's postings along: none stays for a transcript or a recording gone. */
    @Test
    void keepsNoPostingsOfWhatIsGone() {
        Jdbi jdbi = TestDatabases.clean(TestDatabases.mariaDb()).jdbi();
        saveRecordings(jdbi, 2);
        JdbiTranscripts transcripts = new JdbiTranscripts(jdbi);
        JdbiRecordings recordings = new JdbiRecordings(jdbi);
        long titlesAndTranscript = postingsOf(jdbi, "r-0");

        transcripts.delete("r-0");
        long titlesAlone = postingsOf(jdbi, "r-0");
        recordings.delete("r-0");
        transcripts.delete("r-1");
        recordings.delete("r-1");

        // r-0.mp3: ".r", ".0", ".mp3", "mp3"; "Water everywhere.": "water", "everywhere"
        assertThat(titlesAndTranscript).isEqualTo(6);
        assertThat(titlesAlone).isEqualTo(4);
        long left = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM search_postings").mapTo(Long.class)
                .one());
        assertThat(left).isZero();
    }

    private static long postingsOf(Jdbi jdbi, String recordingId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM search_postings
                WHERE recording_key = (SELECT search_key FROM recordings WHERE id = :id)""")
                .bind("id", recordingId).mapTo(Long.class).one());
    }

    /** Inserts at once each write their postings (a row lock taken before an insert locked a gap: they deadlocked). */
    @Test
    void concurrentInsertsAllWriteTheirPostings() throws Exception {
        Jdbi jdbi = TestDatabases.clean(TestDatabases.mariaDb()).jdbi();
        new JdbiSchools(jdbi).insert(ASchool.named("s-1", "Oak"));
        new JdbiUsers(jdbi).insert(AUser.teacher("t-1", "s-1"));
        JdbiRecordings recordings = new JdbiRecordings(jdbi);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> inserts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = "c-" + i;
                inserts.add(pool.submit(() -> recordings.insert(ARecording.of(id, "s-1", "t-1").build())));
            }
            for (Future<?> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long postings = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM search_postings WHERE word = 'mp3'")
                .mapTo(Long.class).one());
        assertThat(postings).isEqualTo(40);
    }

    @Test
    void h2KeepsNoTranscriptWordLists() {
        Jdbi jdbi = TestDatabases.clean(TestDatabases.h2()).jdbi();
        saveRecordings(jdbi, 2);

        int lists = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transcript_search_words")
                .mapTo(Integer.class).one());

        assertThat(lists).isZero();
    }

    /** Recordings r-0 (oldest) to r-(n-1) on MariaDB whose transcript word lists hold only {@code word}. */
    private static Jdbi recordingsWhoseListsAloneHave(String word, int n) {
        Jdbi jdbi = TestDatabases.clean(TestDatabases.mariaDb()).jdbi();
        saveRecordings(jdbi, n);
        jdbi.useHandle(h -> h.execute("UPDATE transcript_search_words SET search_words = ' " + word + " '"));
        return jdbi;
    }

    private static void saveRecordings(Jdbi jdbi, int n) {
        new JdbiSchools(jdbi).insert(ASchool.named("s-1", "Oak"));
        new JdbiUsers(jdbi).insert(AUser.teacher("t-1", "s-1"));
        JdbiRecordings recordings = new JdbiRecordings(jdbi);
        JdbiTranscripts transcripts = new JdbiTranscripts(jdbi);
        for (int i = 0; i < n; i++) {
            recordings.insert(ARecording.of("r-" + i, "s-1", "t-1")
                    .createdAt(Instant.parse("2026-01-05T09:00:00Z").plusSeconds(60L * i)).build());
            transcripts.saveIfAbsent(ATranscript.withText("r-" + i, "Water everywhere."));
        }
    }

    /** The admin's first page of one recording, counted up to {@code countCap} matches. */
    private static RecordingQuery everything(String text, int countCap) {
        return new RecordingQuery(RecordingScope.everything(), null, Set.of(), new PageRequest(0, 1),
                new RecordingSearch(text, null, null, null), countCap);
    }
}

package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.RecordingSearchContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

/**
 * The contract on H2 (its word table) and on MariaDB by the scan of the newest recordings (the tests' few) and, reading
 * one recording only, by the full-text index.
 */
class JdbiRecordingSearchTest {

    private static RecordingSearchContract.Stores stores(Database database, int scanned) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new RecordingSearchContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi),
                new JdbiRecordings(jdbi), new JdbiTranscripts(jdbi), new JdbiRecordingTextSearch(jdbi, scanned));
    }

    @Nested
    class OnH2 extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2(), JdbiRecordingTextSearch.SCANNED);
        }
    }

    @Nested
    class ScannedOnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb(), JdbiRecordingTextSearch.SCANNED);
        }
    }

    @Nested
    class IndexedOnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb(), 1);
        }
    }
}

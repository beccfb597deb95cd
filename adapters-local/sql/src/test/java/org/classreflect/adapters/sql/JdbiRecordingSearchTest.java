package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.RecordingSearchContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiRecordingSearchTest {

    private static RecordingSearchContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new RecordingSearchContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi),
                new JdbiRecordings(jdbi), new JdbiTranscripts(jdbi), new JdbiRecordingTextSearch(jdbi));
    }

    @Nested
    class OnH2 extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends RecordingSearchContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

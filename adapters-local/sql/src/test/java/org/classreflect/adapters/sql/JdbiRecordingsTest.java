package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.RecordingsContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiRecordingsTest {

    private static RecordingsContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new RecordingsContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiRecordings(jdbi));
    }

    @Nested
    class OnH2 extends RecordingsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends RecordingsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

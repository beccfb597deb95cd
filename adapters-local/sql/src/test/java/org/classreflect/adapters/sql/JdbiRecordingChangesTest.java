package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.RecordingChangesContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiRecordingChangesTest {

    private static RecordingChangesContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new RecordingChangesContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi),
                new JdbiRecordings(jdbi), new JdbiRecordingChanges(jdbi));
    }

    @Nested
    class OnH2 extends RecordingChangesContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends RecordingChangesContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.TranscriptsContract;
import org.junit.jupiter.api.Nested;

class JdbiTranscriptsTest {

    @Nested
    class OnH2 extends TranscriptsContract {
        @Override
        protected Store emptyStore() {
            return storeIn(TestDatabases.clean(TestDatabases.h2()));
        }
    }

    @Nested
    class OnMariaDb extends TranscriptsContract {
        @Override
        protected Store emptyStore() {
            return storeIn(TestDatabases.clean(TestDatabases.mariaDb()));
        }
    }

    private static TranscriptsContract.Store storeIn(Database database) {
        return new TranscriptsContract.Store(new JdbiTranscripts(database.jdbi()),
                new JdbiRecordings(database.jdbi()), new JdbiSchools(database.jdbi()),
                new JdbiUsers(database.jdbi()));
    }
}

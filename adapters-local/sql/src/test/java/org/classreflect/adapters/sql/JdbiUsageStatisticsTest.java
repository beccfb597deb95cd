package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.UsageStatisticsContract;
import org.junit.jupiter.api.Nested;

class JdbiUsageStatisticsTest {

    private static UsageStatisticsContract.Stores stores(Database db) {
        TestDatabases.clean(db);
        return new UsageStatisticsContract.Stores(new JdbiSchools(db.jdbi()), new JdbiUsers(db.jdbi()),
                new JdbiRecordings(db.jdbi()), new JdbiUsageStatistics(db.jdbi()));
    }

    @Nested
    class OnH2 extends UsageStatisticsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends UsageStatisticsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

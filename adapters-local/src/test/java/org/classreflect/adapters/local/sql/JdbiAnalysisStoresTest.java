package org.classreflect.adapters.local.sql;

import org.classreflect.testfixtures.contracts.AnalysisStoresContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiAnalysisStoresTest {

    private static AnalysisStoresContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new AnalysisStoresContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiRecordings(jdbi),
                new JdbiTemplates(jdbi), new JdbiAnalyses(jdbi), new JdbiSchoolSettings(jdbi));
    }

    @Nested
    class OnH2 extends AnalysisStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends AnalysisStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

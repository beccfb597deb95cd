package org.classreflect.adapters.sql;

import java.time.Clock;
import org.classreflect.testfixtures.contracts.ErasureStoresContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiErasureStoresTest {

    private static ErasureStoresContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new ErasureStoresContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiRecordings(jdbi),
                new JdbiApiTokens(jdbi), new JdbiTemplates(jdbi, Clock.systemUTC()), new JdbiSchoolSettings(jdbi),
                new JdbiSchoolPrivacySettings(jdbi), new JdbiTeacherGoals(jdbi),
                new JdbiErasureRequests(jdbi), new JdbiAccountRemoval(jdbi));
    }

    @Nested
    class OnH2 extends ErasureStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends ErasureStoresContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

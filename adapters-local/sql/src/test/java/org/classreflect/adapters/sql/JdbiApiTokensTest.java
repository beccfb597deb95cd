package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.ApiTokensContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiApiTokensTest {

    private static ApiTokensContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new ApiTokensContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi), new JdbiApiTokens(jdbi));
    }

    @Nested
    class OnH2 extends ApiTokensContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends ApiTokensContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.UsersContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiUsersTest {

    private static UsersContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new UsersContract.Stores(new JdbiSchools(jdbi), new JdbiUsers(jdbi));
    }

    @Nested
    class OnH2 extends UsersContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends UsersContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

package org.classreflect.adapters.sql;

import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.testfixtures.contracts.SystemChoicesStoreContract;
import org.junit.jupiter.api.Nested;

class JdbiSystemChoicesTest {

    @Nested
    class OnH2 extends SystemChoicesStoreContract {
        @Override
        protected SystemChoicesStore emptyStore() {
            return new JdbiSystemChoices(TestDatabases.clean(TestDatabases.h2()).jdbi());
        }
    }

    @Nested
    class OnMariaDb extends SystemChoicesStoreContract {
        @Override
        protected SystemChoicesStore emptyStore() {
            return new JdbiSystemChoices(TestDatabases.clean(TestDatabases.mariaDb()).jdbi());
        }
    }
}

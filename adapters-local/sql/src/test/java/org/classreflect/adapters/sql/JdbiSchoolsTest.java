package org.classreflect.adapters.sql;

import org.classreflect.core.school.Schools;
import org.classreflect.testfixtures.contracts.SchoolsContract;
import org.junit.jupiter.api.Nested;

class JdbiSchoolsTest {

    @Nested
    class OnH2 extends SchoolsContract {
        @Override
        protected Schools emptySchools() {
            return new JdbiSchools(TestDatabases.clean(TestDatabases.h2()).jdbi());
        }
    }

    @Nested
    class OnMariaDb extends SchoolsContract {
        @Override
        protected Schools emptySchools() {
            return new JdbiSchools(TestDatabases.clean(TestDatabases.mariaDb()).jdbi());
        }
    }
}

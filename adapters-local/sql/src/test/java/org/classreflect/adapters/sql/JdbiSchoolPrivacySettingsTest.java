package org.classreflect.adapters.sql;

import org.classreflect.testfixtures.contracts.SchoolPrivacySettingsContract;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

class JdbiSchoolPrivacySettingsTest {

    private static SchoolPrivacySettingsContract.Stores stores(Database database) {
        Jdbi jdbi = TestDatabases.clean(database).jdbi();
        return new SchoolPrivacySettingsContract.Stores(new JdbiSchools(jdbi), new JdbiSchoolPrivacySettings(jdbi));
    }

    @Nested
    class OnH2 extends SchoolPrivacySettingsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.h2());
        }
    }

    @Nested
    class OnMariaDb extends SchoolPrivacySettingsContract {
        @Override
        protected Stores emptyStores() {
            return stores(TestDatabases.mariaDb());
        }
    }
}

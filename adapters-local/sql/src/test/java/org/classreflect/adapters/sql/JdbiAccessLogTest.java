package org.classreflect.adapters.sql;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.testfixtures.contracts.AccessLogContract;
import org.junit.jupiter.api.Nested;

class JdbiAccessLogTest {

    @Nested
    class OnH2 extends AccessLogContract {
        @Override
        protected AccessLog emptyLog() {
            return new JdbiAccessLog(TestDatabases.clean(TestDatabases.h2()).jdbi());
        }
    }

    @Nested
    class OnMariaDb extends AccessLogContract {
        @Override
        protected AccessLog emptyLog() {
            return new JdbiAccessLog(TestDatabases.clean(TestDatabases.mariaDb()).jdbi());
        }
    }
}

package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.accesslog.AccessLog;
import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.AccessLogContract;

class InMemoryAccessLogTest extends AccessLogContract {

    @Override
    protected AccessLog emptyLog() {
        return new InMemoryStores().accessLog();
    }
}

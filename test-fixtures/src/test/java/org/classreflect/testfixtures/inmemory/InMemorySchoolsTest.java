package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.school.Schools;
import org.classreflect.testfixtures.contracts.SchoolsContract;

class InMemorySchoolsTest extends SchoolsContract {

    @Override
    protected Schools emptySchools() {
        return new InMemoryStores().schools();
    }
}

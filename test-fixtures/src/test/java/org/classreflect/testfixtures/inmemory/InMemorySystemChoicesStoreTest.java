package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.testfixtures.contracts.SystemChoicesStoreContract;

class InMemorySystemChoicesStoreTest extends SystemChoicesStoreContract {

    @Override
    protected SystemChoicesStore emptyStore() {
        return new InMemoryStores().systemChoices();
    }
}

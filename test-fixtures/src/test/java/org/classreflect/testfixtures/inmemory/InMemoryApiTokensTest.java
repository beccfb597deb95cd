package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.ApiTokensContract;

class InMemoryApiTokensTest extends ApiTokensContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = new InMemoryStores();
        return new Stores(stores.schools(), stores.users(), stores.apiTokens());
    }
}

package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.ErasureStoresContract;

class InMemoryErasureStoresTest extends ErasureStoresContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores s = new InMemoryStores();
        return new Stores(s.schools(), s.users(), s.recordings(), s.apiTokens(), s.templates(), s.schoolSettings(), s.schoolPrivacy(), s.teacherGoals(),
                s.erasureRequests(), s.accountRemoval());
    }
}

package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.AnalysisStoresContract;

class InMemoryAnalysisStoresTest extends AnalysisStoresContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = new InMemoryStores();
        return new Stores(stores.schools(), stores.users(), stores.recordings(), stores.templates(),
                stores.analyses(), stores.schoolSettings(), stores.teacherGoals());
    }
}

package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.TranscriptsContract;

class InMemoryTranscriptsTest extends TranscriptsContract {

    @Override
    protected Store emptyStore() {
        InMemoryStores stores = new InMemoryStores();
        return new Store(stores.transcripts(), stores.recordings(), stores.schools(), stores.users());
    }
}

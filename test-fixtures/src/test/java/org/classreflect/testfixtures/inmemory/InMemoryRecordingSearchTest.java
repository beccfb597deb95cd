package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.testfixtures.contracts.RecordingSearchContract;

class InMemoryRecordingSearchTest extends RecordingSearchContract {

    @Override
    protected Stores emptyStores() {
        InMemoryStores stores = new InMemoryStores();
        return new Stores(stores.schools(), stores.users(), stores.recordings(), stores.transcripts(),
                stores.recordingTextSearch());
    }
}

package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryAudioStore;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.testfixtures.contracts.AudioStoreContract;

class InMemoryAudioStoreTest extends AudioStoreContract {

    @Override
    protected AudioStore newStore() {
        return new InMemoryAudioStore();
    }

    @Override
    protected boolean keepsAudioBeyondTheProcess() {
        return false;
    }
}

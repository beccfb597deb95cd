package org.classreflect.testfixtures.inmemory;

import org.classreflect.core.inmemory.InMemoryStores;
import org.classreflect.core.transcript.Transcripts;
import org.classreflect.testfixtures.contracts.TranscriptsContract;

class InMemoryTranscriptsTest extends TranscriptsContract {

    @Override
    protected Transcripts emptyTranscripts() {
        return new InMemoryStores().transcripts();
    }
}

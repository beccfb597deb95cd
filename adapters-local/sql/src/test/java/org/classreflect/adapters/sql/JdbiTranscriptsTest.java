package org.classreflect.adapters.sql;

import org.classreflect.core.transcript.Transcripts;
import org.classreflect.testfixtures.contracts.TranscriptsContract;
import org.junit.jupiter.api.Nested;

class JdbiTranscriptsTest {

    @Nested
    class OnH2 extends TranscriptsContract {
        @Override
        protected Transcripts emptyTranscripts() {
            return new JdbiTranscripts(TestDatabases.clean(TestDatabases.h2()).jdbi());
        }
    }

    @Nested
    class OnMariaDb extends TranscriptsContract {
        @Override
        protected Transcripts emptyTranscripts() {
            return new JdbiTranscripts(TestDatabases.clean(TestDatabases.mariaDb()).jdbi());
        }
    }
}

package org.classreflect.sdk.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiSystemChoices;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.core.transcript.Transcriber;

/** The super admin's system-wide choices, and the speech engine that follows them. */
@Module
public final class SystemChoicesModule {

    private SystemChoicesModule() {
    }

    @Provides
    @Singleton
    static SystemChoicesStore systemChoices(Database db) {
        return new JdbiSystemChoices(db.jdbi());
    }

    @Provides
    @Singleton
    static Transcriber transcriber(@SpeechEngine Transcriber engine, SystemChoicesStore choices) {
        return new ChosenModelTranscriber(engine, choices);
    }
}

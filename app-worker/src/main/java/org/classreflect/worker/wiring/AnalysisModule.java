package org.classreflect.worker.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.classreflect.adapters.local.speaker.AcousticSpeakerEstimator;
import org.classreflect.adapters.local.sql.Database;
import org.classreflect.adapters.local.sql.JdbiAnalyses;
import org.classreflect.adapters.local.sql.JdbiSchoolSettings;
import org.classreflect.adapters.local.sql.JdbiTemplates;
import org.classreflect.core.analysis.Analyses;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.school.SchoolSettings;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.core.template.Templates;
import org.classreflect.core.analysis.AnalysisStage;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.system.SystemChoicesStore;
import org.classreflect.worker.config.Settings;

/** Lesson analysis: its stores, the speaker estimator, and the optional language model. */
@Module
public abstract class AnalysisModule {

    private AnalysisModule() {
    }

    @Binds
    abstract AnalysisStage analysisStage(AnalyzeRecording analyze);

    @Provides
    @Singleton
    static Templates templates(Database db, Clock clock) {
        return new JdbiTemplates(db.jdbi(), clock);
    }

    @Provides
    @Singleton
    static Analyses analyses(Database db) {
        return new JdbiAnalyses(db.jdbi());
    }

    @Provides
    @Singleton
    static SchoolSettings schoolSettings(Database db) {
        return new JdbiSchoolSettings(db.jdbi());
    }

    @Provides
    static SpeakerEstimator speakerEstimator() {
        return new AcousticSpeakerEstimator();
    }

    @Provides
    @Singleton
    static RubricAnalyzer rubricAnalyzer(Settings settings, SystemChoicesStore choices) {
        return new ChosenRubricAnalyzer(settings, choices);
    }
}

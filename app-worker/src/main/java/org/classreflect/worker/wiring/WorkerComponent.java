package org.classreflect.worker.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.classreflect.adapters.aws.AwsClients;
import org.classreflect.adapters.local.sql.Database;
import org.classreflect.core.template.SeedStarterTemplates;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.worker.config.Settings;

/** The worker process's object graph. */
@Singleton
@Component(modules = {SettingsModule.class, AdaptersModule.class, AnalysisModule.class,
        SystemChoicesModule.class})
public interface WorkerComponent {

    WorkerRuntime workerRuntime();

    SeedStarterTemplates seedStarterTemplates();

    Database database();

    AwsClients awsClients();

    @Component.Factory
    interface Factory {
        WorkerComponent create(@BindsInstance Settings settings, @BindsInstance @SpeechEngine Transcriber transcriber,
                               @BindsInstance FleetMembership membership);
    }
}

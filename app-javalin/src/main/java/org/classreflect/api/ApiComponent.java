package org.classreflect.api;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.classreflect.adapters.aws.AwsClients;
import org.classreflect.adapters.local.sql.Database;
import org.classreflect.core.template.SeedStarterTemplates;
import org.classreflect.core.school.BootstrapSuperAdmin;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.worker.config.Settings;
import org.classreflect.worker.wiring.AdaptersModule;
import org.classreflect.worker.wiring.AnalysisModule;
import org.classreflect.worker.wiring.FleetMembership;
import org.classreflect.worker.wiring.SettingsModule;
import org.classreflect.worker.wiring.SpeechEngine;
import org.classreflect.worker.wiring.SystemChoicesModule;
import org.classreflect.worker.wiring.WorkerRuntime;

/** The API process's object graph. The transcriber comes in from outside, chosen from the settings (or a test). */
@Singleton
@Component(modules = {SettingsModule.class, AdaptersModule.class, AnalysisModule.class, SystemChoicesModule.class,
        AdminModule.class})
public interface ApiComponent {

    ApiServer apiServer();

    WorkerRuntime workerRuntime();

    BootstrapSuperAdmin bootstrapSuperAdmin();

    CreateSchool createSchool();

    CreateUser createUser();

    Schools schools();

    Users users();

    Database database();

    AwsClients awsClients();

    SeedStarterTemplates seedStarterTemplates();

    @Component.Factory
    interface Factory {
        ApiComponent create(@BindsInstance Settings settings, @BindsInstance @SpeechEngine Transcriber transcriber,
                            @BindsInstance FleetMembership membership);
    }
}

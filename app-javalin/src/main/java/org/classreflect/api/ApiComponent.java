package org.classreflect.api;

import org.classreflect.core.accesslog.AccessLogSettings;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.school.BootstrapSuperAdmin;
import org.classreflect.core.school.CreateSchool;
import org.classreflect.core.school.CreateUser;
import org.classreflect.core.school.Schools;
import org.classreflect.core.school.Users;
import org.classreflect.sdk.Adapters;
import org.classreflect.sdk.ClassReflect;
import org.classreflect.sdk.CoreModule;
import org.classreflect.sdk.WorkerRuntime;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.metrics.ProcessMetrics;

/** The API process's object graph: routes over the core's use cases, on the adapters a {@link ClassReflect} chose. */
@Singleton
@Component(dependencies = Adapters.class, modules = {CoreModule.class, AdminModule.class})
public interface ApiComponent {

    ApiServer apiServer();

    BootstrapSuperAdmin bootstrapSuperAdmin();

    CreateSchool createSchool();

    CreateUser createUser();

    Schools schools();

    Users users();

    static ApiComponent on(ClassReflect core, Settings settings, ProcessMetrics metrics) {
        var limits = core.limits();
        return DaggerApiComponent.factory().create(core.adapters(), settings, core.workers(), metrics,
                limits.upload(), limits.audioCheck(), limits.worker(), limits.retention(), limits.accessLog());
    }

    @Component.Factory
    interface Factory {
        ApiComponent create(Adapters adapters, @BindsInstance Settings settings, @BindsInstance WorkerRuntime workers,
                            @BindsInstance ProcessMetrics metrics,
                            @BindsInstance UploadLimits upload, @BindsInstance AudioCheckSettings audioCheck,
                            @BindsInstance WorkerSettings worker, @BindsInstance RetentionSettings retention,
                            @BindsInstance AccessLogSettings accessLog);
    }
}

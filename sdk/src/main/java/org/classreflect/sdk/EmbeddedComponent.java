package org.classreflect.sdk;

import org.classreflect.core.accesslog.AccessLogSettings;
import org.classreflect.core.accesslog.ReadAccessLog;
import org.classreflect.core.accesslog.RecordAccess;
import org.classreflect.core.erasure.ListErasures;
import org.classreflect.core.erasure.RequestErasure;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.classreflect.core.template.ManageTemplates;
import org.classreflect.core.report.ReadAnalyses;
import org.classreflect.core.analysis.RequestAnalysis;
import org.classreflect.core.template.SeedStarterTemplates;
import org.classreflect.core.deletion.ApplyRetention;
import org.classreflect.core.deletion.RetentionSettings;
import org.classreflect.core.queue.WorkerSettings;
import org.classreflect.core.recording.AudioCheckSettings;
import org.classreflect.core.deletion.DeleteRecording;
import org.classreflect.core.recording.GetRecording;
import org.classreflect.core.recording.GetRecordingAudio;
import org.classreflect.core.recording.ListRecordings;
import org.classreflect.core.recording.RetryRecording;
import org.classreflect.core.recording.UploadLimits;
import org.classreflect.core.recording.UploadRecording;
import org.classreflect.core.school.ActAsHostUser;
import org.classreflect.core.school.ListSchools;
import org.classreflect.core.school.ListUsers;
import org.classreflect.core.school.UpsertSchool;
import org.classreflect.core.school.UpsertUser;
import org.classreflect.core.transcript.GetTranscript;
import org.classreflect.core.transcript.ImportTranscript;

/** The object graph behind {@link ClassReflect}: the core's use cases over the chosen adapters. */
@Singleton
@Component(dependencies = Adapters.class, modules = CoreModule.class)
interface EmbeddedComponent {

    UploadRecording uploadRecording();

    ImportTranscript importTranscript();

    ListRecordings listRecordings();

    GetRecording getRecording();

    GetRecordingAudio getRecordingAudio();

    RetryRecording retryRecording();

    DeleteRecording deleteRecording();

    GetTranscript getTranscript();

    RequestAnalysis requestAnalysis();

    ReadAnalyses readAnalyses();

    ManageTemplates manageTemplates();

    SeedStarterTemplates seedStarterTemplates();

    ListSchools listSchools();

    ListUsers listUsers();

    UpsertSchool upsertSchool();

    UpsertUser upsertUser();

    ActAsHostUser actAsHostUser();

    WorkerRuntime workerRuntime();

    ApplyRetention applyRetention();

    RequestErasure requestErasure();

    ListErasures listErasures();

    ReadAccessLog readAccessLog();

    RecordAccess recordAccess();

    @Component.Factory
    interface Factory {
        EmbeddedComponent create(Adapters adapters, @BindsInstance UploadLimits upload,
                                 @BindsInstance AudioCheckSettings audioCheck, @BindsInstance WorkerSettings worker,
                                 @BindsInstance RetentionSettings retention,
                                 @BindsInstance AccessLogSettings accessLog);
    }
}

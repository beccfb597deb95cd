package org.classreflect.sdk;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.util.HashSet;
import java.util.Set;
import org.classreflect.core.admin.InProcessWorkersProbe;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.analysis.AnalysisStage;
import org.classreflect.core.analysis.RequestAnalysis;
import org.classreflect.core.health.CheckReadiness;
import org.classreflect.core.health.HealthProbe;
import org.classreflect.core.recording.UploadAnalysis;

/** Bindings between the core's own types; the ports come from {@link Adapters}. Shared by every object graph. */
@Module
public abstract class CoreModule {

    private CoreModule() {
    }

    @Binds
    abstract AnalysisStage analysisStage(AnalyzeRecording analyze);

    @Binds
    abstract UploadAnalysis uploadAnalysis(RequestAnalysis request);

    /** The adapters' probes, and this process's own worker loops. */
    @Provides
    static CheckReadiness readiness(Set<HealthProbe> probes, WorkerRuntime workers) {
        Set<HealthProbe> all = new HashSet<>(probes);
        all.add(new InProcessWorkersProbe(workers));
        return new CheckReadiness(all);
    }
}

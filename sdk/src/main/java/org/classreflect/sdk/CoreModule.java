package org.classreflect.sdk;

import dagger.Binds;
import dagger.Module;
import org.classreflect.core.analysis.AnalyzeRecording;
import org.classreflect.core.analysis.AnalysisStage;
import org.classreflect.core.analysis.RequestAnalysis;
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
}

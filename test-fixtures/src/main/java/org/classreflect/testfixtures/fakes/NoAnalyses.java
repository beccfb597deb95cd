package org.classreflect.testfixtures.fakes;

import org.classreflect.core.analysis.AnalysisStage;

/** An analysis stage for workers tested without analyses: none is ever queued, so none runs. */
public final class NoAnalyses implements AnalysisStage {

    @Override
    public boolean hasQueued(String recordingId) {
        return false;
    }

    @Override
    public Report runQueued(String recordingId) {
        return Report.NOTHING;
    }
}

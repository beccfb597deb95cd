package org.classreflect.core.rubric;

/** Port: qualitative feedback on a lesson against rubric criteria. */
public interface RubricAnalyzer {

    /** Feedback that passed validation; never a score that was guessed or filled in. */
    RubricResult analyze(RubricRequest request) throws RubricAnalysisException;
}

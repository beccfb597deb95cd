package org.classreflect.core.rubric;

/** Port: qualitative feedback on a lesson against rubric criteria. */
public interface RubricAnalyzer {

    /**
     * Feedback that passed validation; never a score that was guessed or filled in. Null when no language model is
     * configured at the moment (a super admin switched rubric feedback off): the lesson then gets none.
     */
    RubricResult analyze(RubricRequest request) throws RubricAnalysisException;
}

package org.classreflect.core.rubric;

import java.util.List;

/** A small lesson to ask about in tests. */
final class Lessons {

    private Lessons() {
    }

    static RubricRequest fractions() {
        return new RubricRequest(
                List.of(new RubricCriterion("Questioning", 2, "Asks open questions that make pupils explain their thinking."),
                        new RubricCriterion("Feedback to pupils", 1, "Responds to answers with specific, corrective feedback.")),
                new ClassContext("Mathematics", "7"),
                List.of(new MeasuredMetric("Teacher talk time", 62, "%"),
                        new MeasuredMetric("Questions per minute", 1.5, "questions/min")),
                List.of(new TranscriptExcerpt(5, 12.5, "Good morning, everyone. Today we're looking at fractions."),
                        new TranscriptExcerpt(12.5, 20, "Why do you think a half is bigger than a third?"),
                        new TranscriptExcerpt(725, 760, "Nearly! Check the denominator again: which one is bigger?")));
    }
}

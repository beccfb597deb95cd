package org.classreflect.testfixtures.builders;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classreflect.core.rubric.ClassContext;
import org.classreflect.core.rubric.MeasuredMetric;
import org.classreflect.core.rubric.RubricCriterion;
import org.classreflect.core.rubric.RubricRequest;
import org.classreflect.core.rubric.TranscriptExcerpt;

/**
 * A short maths lesson to ask a language model about, and answers to it, right or wrong in chosen ways. The request
 * judges "Questioning" (weight 3) and "Feedback to pupils" (weight 1).
 */
public final class ARubricLesson {

    public static final String QUESTIONING = "Questioning";
    public static final String FEEDBACK = "Feedback to pupils";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ARubricLesson() {
    }

    public static RubricRequest request() {
        return new RubricRequest(
                List.of(new RubricCriterion(QUESTIONING, 3, "Asks open questions that make pupils explain their thinking."),
                        new RubricCriterion(FEEDBACK, 1, "Responds to answers with specific, corrective feedback.")),
                new ClassContext("Mathematics", "7"),
                List.of(new MeasuredMetric("Teacher talk time", 62, "%"),
                        new MeasuredMetric("Open questions", 4, "")),
                List.of(new TranscriptExcerpt(5, 12.5, "Good morning, everyone. Today we're looking at fractions."),
                        new TranscriptExcerpt(12.5, 20, "Why do you think a half is bigger than a third?"),
                        new TranscriptExcerpt(725, 760, "Nearly! Check the denominator again: which one is bigger?")));
    }

    /** One criterion of an answer, as the model writes it; change entries to make it wrong. */
    public static Map<String, Object> criterion(String name, Object score, String quote, String at) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("score", score);
        c.put("feedback", "Feedback on " + name.toLowerCase() + ".");
        c.put("evidence", new ArrayList<>(List.of(evidence(quote, at))));
        c.put("next_step", "One next step for " + name.toLowerCase() + ".");
        return c;
    }

    public static Map<String, Object> evidence(String quote, String at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("quote", quote);
        e.put("at", at);
        return e;
    }

    /** A valid answer: Questioning 80, Feedback to pupils 40, with true quotes at their times. */
    public static List<Map<String, Object>> goodCriteria() {
        return new ArrayList<>(List.of(
                criterion(QUESTIONING, 80, "Why do you think a half is bigger than a third?", "00:00:12"),
                criterion(FEEDBACK, 40, "Nearly! Check the denominator again", "00:12:05")));
    }

    public static String answer(List<Map<String, Object>> criteria) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("criteria", criteria);
        answer.put("strengths", List.of("Clear start to the lesson."));
        answer.put("improvements", List.of("Give pupils time to answer."));
        return json(answer);
    }

    public static String goodAnswer() {
        return answer(goodCriteria());
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

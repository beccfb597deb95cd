package org.classreflect.core.rubric;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.classreflect.core.common.WeightedMean;

/**
 * Rubric feedback from a language model. The model is asked only for the qualitative judgement; its answer must pass
 * {@link AnswerCheck} (valid JSON, every criterion once, whole-number scores 0..100, quotes found in the transcript at
 * the stated times, one next step each). An answer that fails is sent back with its problems named, up to
 * {@link RubricSettings#maxAttempts()} answers in all; then the analysis fails with the last problems. No score is
 * ever filled in, and the overall score is the weighted mean computed here.
 */
public final class RubricFeedback implements RubricAnalyzer {

    private static final Logger LOG = Logger.getLogger(RubricFeedback.class.getName());

    private final ChatModel model;
    private final JsonReader json;
    private final RubricSettings settings;

    public RubricFeedback(ChatModel model, JsonReader json, RubricSettings settings) {
        this.model = model;
        this.json = json;
        this.settings = settings;
    }

    @Override
    public RubricResult analyze(RubricRequest request) throws RubricAnalysisException {
        AnswerCheck check = new AnswerCheck(request, json, settings.timestampTolerance().toMillis() / 1000.0);
        List<ChatMessage> first = RubricPrompt.messages(request);
        List<ChatMessage> conversation = first;
        List<String> problems = List.of();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            String answer;
            try {
                answer = model.complete(conversation);
            } catch (ChatModelException e) {
                throw new RubricAnalysisException("the language model could not be asked", e);
            }
            AnswerCheck.Outcome outcome = check.check(answer);
            if (outcome.valid()) {
                double overall = overallScore(request.criteria(), outcome.criteria());
                return new RubricResult(outcome.criteria(), outcome.strengths(), outcome.improvements(), overall);
            }
            problems = outcome.problems();
            final int tried = attempt;
            LOG.info(() -> "rubric answer " + tried + " rejected: " + String.join("; ", outcome.problems()));
            conversation = RubricPrompt.retry(first, answer, problems);
        }
        throw new RubricAnalysisException("the language model gave no valid answer in " + settings.maxAttempts()
                + (settings.maxAttempts() == 1 ? " attempt" : " attempts"), problems);
    }

    /** The weighted mean of the judged scores; a criterion without a score is an error, never counted as zero. */
    static double overallScore(List<RubricCriterion> criteria, List<CriterionFeedback> feedback) {
        Map<String, Double> scores = new HashMap<>();
        feedback.forEach(f -> scores.put(f.criterion(), (double) f.score()));
        for (RubricCriterion c : criteria) {
            if (!scores.containsKey(c.name())) {
                throw new IllegalArgumentException("criterion " + c.name() + " has no score");
            }
        }
        return WeightedMean.of(criteria, RubricCriterion::weight, c -> scores.get(c.name()));
    }
}

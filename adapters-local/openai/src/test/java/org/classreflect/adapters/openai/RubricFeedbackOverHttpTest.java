package org.classreflect.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.classreflect.testfixtures.builders.ARubricLesson.FEEDBACK;
import static org.classreflect.testfixtures.builders.ARubricLesson.QUESTIONING;
import static org.classreflect.testfixtures.builders.ARubricLesson.answer;
import static org.classreflect.testfixtures.builders.ARubricLesson.criterion;
import static org.classreflect.testfixtures.builders.ARubricLesson.evidence;
import static org.classreflect.testfixtures.builders.ARubricLesson.goodAnswer;
import static org.classreflect.testfixtures.builders.ARubricLesson.goodCriteria;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classreflect.core.rubric.ChatRetrySettings;
import org.classreflect.core.rubric.CriterionFeedback;
import org.classreflect.core.rubric.Evidence;
import org.classreflect.core.rubric.RubricAnalysisException;
import org.classreflect.core.rubric.RubricFeedback;
import org.classreflect.core.rubric.RubricResult;
import org.classreflect.core.rubric.RubricSettings;
import org.classreflect.testfixtures.builders.ARubricLesson;
import org.classreflect.testfixtures.servers.FakeChatServer;
import org.classreflect.testfixtures.servers.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rubric feedback through the OpenAI-compatible adapter against a scripted server: validation and retries. */
class RubricFeedbackOverHttpTest {

    private final FakeChatServer server = FakeChatServer.start();
    private final RubricFeedback feedback = new RubricFeedback(
            new OpenAiCompatibleChatModel(new OpenAiChatSettings(URI.create(server.uri() + "/v1"), Optional.empty(),
                    "fake-model", Duration.ofSeconds(5), true,
                    new ChatRetrySettings(3, Duration.ofMillis(10), Duration.ofSeconds(2)))),
            new JacksonJsonReader(), new RubricSettings(3, Duration.ofSeconds(5)));

    @AfterEach
    void stop() {
        server.close();
    }

    private RubricResult analyze() throws RubricAnalysisException {
        return feedback.analyze(ARubricLesson.request());
    }

    /** Three times the same wrong answer: the analysis fails and names what was wrong. */
    private RubricAnalysisException failsThreeTimes(String wrongAnswer) {
        server.reply(Reply.openAiAnswer(wrongAnswer), Reply.openAiAnswer(wrongAnswer), Reply.openAiAnswer(wrongAnswer),
                Reply.openAiAnswer(goodAnswer()));
        RubricAnalysisException failure = assertThrows(RubricAnalysisException.class,
                this::analyze);
        assertThat(server.requests()).hasSize(3);
        assertThat(failure).hasMessageStartingWith("the language model gave no valid answer in 3 attempts");
        return failure;
    }

    private static List<Map<String, Object>> withQuestioning(String field, Object value) {
        List<Map<String, Object>> criteria = goodCriteria();
        criteria.get(0).put(field, value);
        return criteria;
    }

    @Test
    void aGoodAnswerIsAcceptedAtOnceWithTheWeightedOverallScore() throws Exception {
        server.reply(Reply.openAiAnswer(goodAnswer()));

        RubricResult result = analyze();

        assertThat(server.requests()).hasSize(1);
        assertThat(result.criteria()).extracting(CriterionFeedback::criterion, CriterionFeedback::score)
                .containsExactly(tuple(QUESTIONING, 80),
                        tuple(FEEDBACK, 40));
        assertThat(result.criteria().get(0).evidence())
                .containsExactly(new Evidence("Why do you think a half is bigger than a third?", 12));
        assertThat(result.criteria().get(1).nextStep()).isEqualTo("One next step for feedback to pupils.");
        assertThat(result.strengths()).containsExactly("Clear start to the lesson.");
        assertThat(result.improvements()).containsExactly("Give pupils time to answer.");
        // 3 x 80 + 1 x 40 over 4; the unweighted mean some providers returned would be 60
        assertThat(result.overallScore()).isCloseTo(70.0, within(1e-9));
        JsonNode sent = server.requests().get(0).json().path("messages");
        assertThat(sent.get(1).path("content").asText()).contains("\"Questioning\" (weight 3)");
    }

    @Test
    void theCriteriaComeBackInTheRequestsOrderWhateverTheAnswersOrder() throws Exception {
        server.reply(Reply.openAiAnswer(answer(List.of(goodCriteria().get(1), goodCriteria().get(0)))));

        assertThat(analyze().criteria()).extracting(CriterionFeedback::criterion).containsExactly(QUESTIONING, FEEDBACK);
    }

    @Test
    void aGoodAnswerAfterMalformedJsonIsAcceptedAndTheRetryNamedTheProblem() throws Exception {
        server.reply(Reply.openAiAnswer("Sure! Here is my assessment: {\"criteria\": ["), Reply.openAiAnswer(goodAnswer()));

        RubricResult result = analyze();

        assertThat(result.overallScore()).isCloseTo(70.0, within(1e-9));
        assertThat(server.requests()).hasSize(2);
        JsonNode retry = server.requests().get(1).json().path("messages");
        assertThat(retry).hasSize(4);
        assertThat(retry.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(retry.get(2).path("content").asText()).startsWith("Sure! Here is my assessment");
        assertThat(retry.get(3).path("role").asText()).isEqualTo("user");
        assertThat(retry.get(3).path("content").asText()).contains("the answer is not valid JSON");
    }

    @Test
    void malformedJsonEveryTimeFails() {
        RubricAnalysisException failure = failsThreeTimes("{\"criteria\": [}");

        assertThat(failure.problems()).singleElement().asString().startsWith("the answer is not valid JSON");
    }

    @Test
    void aMissingCriterionIsNamed() {
        RubricAnalysisException failure = failsThreeTimes(answer(List.of(goodCriteria().get(0))));

        assertThat(failure.problems()).containsExactly("criterion \"Feedback to pupils\" is missing");
        assertThat(server.requests().get(1).json().path("messages").get(3).path("content").asText())
                .contains("- criterion \"Feedback to pupils\" is missing");
    }

    @Test
    void aCriterionJudgedTwiceOrOneNotAskedForIsRefused() {
        List<Map<String, Object>> criteria = goodCriteria();
        criteria.add(goodCriteria().get(0));
        criteria.add(criterion("Classroom climate", 90, "Good morning, everyone.", "00:00:05"));

        RubricAnalysisException failure = failsThreeTimes(answer(criteria));

        assertThat(failure.problems()).containsExactlyInAnyOrder(
                "criterion \"Questioning\" appears 2 times; judge it once",
                "unknown criterion \"Classroom climate\": judge only the listed criteria");
    }

    @Test
    void anInventedQuoteIsRefused() {
        RubricAnalysisException failure = failsThreeTimes(answer(
                withQuestioning("evidence", List.of(evidence("Excellent question, Sam!", "00:00:12")))));

        assertThat(failure.problems()).containsExactly("criterion \"Questioning\": the quote \"Excellent question, "
                + "Sam!\" is not in the transcript; quote word for word");
    }

    @Test
    void aTrueQuoteAtTheWrongTimeIsRefused() {
        RubricAnalysisException failure = failsThreeTimes(answer(withQuestioning("evidence",
                List.of(evidence("why do you think a half is bigger", "00:05:00")))));

        assertThat(failure.problems()).containsExactly("criterion \"Questioning\": the quote \"why do you think a "
                + "half is bigger\" was said at 00:00:12-00:00:20, not at 00:05:00");
    }

    @Test
    void aQuoteTimeJustOutsideItsExcerptIsAcceptedWithinTheTolerance() throws Exception {
        server.reply(Reply.openAiAnswer(answer(withQuestioning("evidence",
                List.of(evidence("why do you think a half is bigger", "00:00:24"))))));

        assertThat(analyze().criteria().get(0).evidence()).extracting(Evidence::at).containsExactly(24.0);
    }

    @Test
    void scoresOutOfRangeOrNotWholeNumbersAreRefused() {
        List<Map<String, Object>> criteria = goodCriteria();
        criteria.get(0).put("score", 120);
        criteria.get(1).put("score", 85.5);
        assertThat(failsThreeTimes(answer(criteria)).problems()).containsExactly(
                "criterion \"Questioning\": score must be a whole number from 0 to 100, not 120",
                "criterion \"Feedback to pupils\": score must be a whole number from 0 to 100, not 85.5");
    }

    @Test
    void aNegativeScoreAScoreInWordsAndAMissingScoreAreRefused() {
        List<Map<String, Object>> criteria = goodCriteria();
        criteria.get(0).put("score", -5);
        criteria.get(1).put("score", "85");
        assertThat(failsThreeTimes(answer(criteria)).problems()).containsExactly(
                "criterion \"Questioning\": score must be a whole number from 0 to 100, not -5",
                "criterion \"Feedback to pupils\": score must be a whole number from 0 to 100, not \"85\"");

    }

    @Test
    void aMissingScoreIsNamedAndNeverFilledIn() {
        List<Map<String, Object>> unscored = goodCriteria();
        unscored.get(0).remove("score");

        assertThat(failsThreeTimes(answer(unscored)).problems())
                .containsExactly("criterion \"Questioning\": missing field \"score\"");
    }

    @Test
    void exactlyOneNextStepIsRequired() {
        assertThat(failsThreeTimes(answer(withQuestioning("next_step", List.of("Ask why.", "Wait longer."))))
                .problems()).containsExactly("criterion \"Questioning\": give exactly one next step, as one string, "
                + "not a list");
    }

    @Test
    void fieldsOutsideTheSchemaAreRefused() {
        List<Map<String, Object>> criteria = withQuestioning("weight", 3);
        String withOverall = answer(criteria).replaceFirst("\\{", "{\"overall_score\": 60, ");

        assertThat(failsThreeTimes(withOverall).problems()).containsExactlyInAnyOrder(
                "the answer: unexpected field \"overall_score\"",
                "criterion \"Questioning\": unexpected field \"weight\"");
    }

    @Test
    void anAnswerInACodeFenceIsRead() throws Exception {
        server.reply(Reply.openAiAnswer("```json\n" + goodAnswer() + "\n```"));

        assertThat(analyze().criteria()).hasSize(2);
    }

    @Test
    void aServerErrorIsRetriedByTheAdapterBeforeTheAnswerIsChecked() throws Exception {
        server.reply(Reply.openAiError(500, "boom"), Reply.openAiError(429, "busy"), Reply.openAiAnswer(goodAnswer()));

        assertThat(analyze().criteria()).hasSize(2);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aModelThatCannotBeAskedFailsTheAnalysisWithTheServersReason() {
        server.reply(Reply.openAiError(404, "model \"fake-model\" not found, try pulling it first"));

        assertThatThrownBy(this::analyze).isInstanceOf(RubricAnalysisException.class)
                .hasMessageContaining("the language model could not be asked")
                .hasMessageContaining("model \"fake-model\" not found");
        assertThat(server.requests()).hasSize(1);
    }
}

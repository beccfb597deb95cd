package org.classreflect.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RubricPromptTest {

    private final RubricRequest request = Lessons.fractions();
    private final List<ChatMessage> messages = RubricPrompt.messages(request);

    @Test
    void aSystemMessageWithTheRulesAndTheSchemaThenTheLessonAsTheUserMessage() {
        assertThat(messages).extracting(ChatMessage::role)
                .containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
        String system = messages.get(0).content();
        assertThat(system).contains("whole number from 0 to 100", "exactly one concrete next step",
                "word for word", "Do not give an overall score", "one JSON object only");
        assertThat(system).contains("\"required\": [\"name\", \"score\", \"feedback\", \"evidence\", \"next_step\"]",
                "\"name\": {\"enum\": [\"Questioning\", \"Feedback to pupils\"]}",
                "\"minItems\": 2", "\"maxItems\": 2");
    }

    @Test
    void theUserMessageHoldsEachCriterionWithItsWeightAndDescription() {
        String user = messages.get(1).content();
        assertThat(user).contains(
                "- \"Questioning\" (weight 2): Asks open questions that make pupils explain their thinking.",
                "- \"Feedback to pupils\" (weight 1): Responds to answers with specific, corrective feedback.");
    }

    @Test
    void theUserMessageHoldsTheClassTheMetricsAndTheTimeCodedExcerpts() {
        String user = messages.get(1).content();
        assertThat(user).contains("Class: subject Mathematics, grade 7");
        assertThat(user).contains("- Teacher talk time: 62 %", "- Questions per minute: 1.5 questions/min");
        assertThat(user).contains("[00:00:05-00:00:12] Good morning, everyone. Today we're looking at fractions.",
                "[00:00:12-00:00:20] Why do you think a half is bigger than a third?",
                "[00:12:05-00:12:40] Nearly! Check the denominator again: which one is bigger?");
    }

    @Test
    void namesWithQuotesAreEscapedInTheSchema() {
        RubricRequest odd = new RubricRequest(List.of(new RubricCriterion("The \"why\" question", 1, "d")),
                request.context(), List.of(), request.excerpts());
        assertThat(RubricPrompt.schema(odd)).contains("\"enum\": [\"The \\\"why\\\" question\"]");
        assertThat(RubricPrompt.user(odd)).contains("(none)");
    }

    @Test
    void aRetryRepeatsTheConversationWithTheRejectedAnswerAndNamesItsProblems() {
        List<ChatMessage> retry = RubricPrompt.retry(messages, "{\"criteria\": []}",
                List.of("criterion \"Questioning\" is missing", "strengths: missing field"));
        assertThat(retry).hasSize(4);
        assertThat(retry.subList(0, 2)).isEqualTo(messages);
        assertThat(retry.get(2)).isEqualTo(ChatMessage.assistant("{\"criteria\": []}"));
        assertThat(retry.get(3).role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(retry.get(3).content()).contains("- criterion \"Questioning\" is missing",
                "- strengths: missing field", "corrected JSON object only");
    }
}

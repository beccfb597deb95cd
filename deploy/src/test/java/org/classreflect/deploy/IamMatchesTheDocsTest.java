package org.classreflect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The roles' policies are those docs/deployment-aws.md gives (statement by statement: the same Sid, the same
 * actions, the same condition keys), and no statement anywhere in the stack allows every action.
 */
class IamMatchesTheDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of(System.getProperty("classreflect.root", ".."), "docs/deployment-aws.md");

    private static JsonNode template;

    @BeforeAll
    static void synthesise() {
        template = JSON.valueToTree(Synthesised.with(DeploymentChoices.DEFAULTS).template.toJSON());
    }

    @Test
    void theApiTaskRoleIsTheDocumentedPolicy() throws Exception {
        assertThat(statements(inlinePolicy("classreflect-api"))).isEqualTo(statements(documented("### API")));
    }

    @Test
    void theWorkerRoleIsTheDocumentedPolicy() throws Exception {
        assertThat(statements(inlinePolicy("classreflect-worker"))).isEqualTo(statements(documented("### Worker")));
    }

    @Test
    void theScalerReadsTheQueuesAsDocumented() throws Exception {
        Map<String, String> scaler = statements(inlinePolicy("classreflect-scaler"));
        assertThat(scaler).containsAllEntriesOf(statements(documented("### Scaler")));
    }

    @Test
    void noStatementAllowsEveryActionAndWildcardResourcesAreOnlyWhereIamHasNoResourceLevelPermission() {
        List<String> everyAction = new ArrayList<>();
        Set<String> onEveryResource = new TreeSet<>();
        template.get("Resources").forEach(resource -> resource.findValues("Statement").forEach(list ->
                list.forEach(statement -> {
                    List<String> actions = texts(statement.get("Action"));
                    if (actions.contains("*")) {
                        everyAction.add(statement.toString());
                    }
                    if (texts(statement.get("Resource")).contains("*") && "Allow".equals(
                            statement.path("Effect").asText())) {
                        onEveryResource.addAll(actions);
                    }
                })));
        assertThat(everyAction).isEmpty();
        assertThat(onEveryResource).isSubsetOf("ec2:DescribeInstances", "ecr:GetAuthorizationToken",
                "ecs:ListTasks", "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:GetLogDelivery",
                "logs:ListLogDeliveries", "logs:UpdateLogDelivery");
    }

    /** The inline policy of that name, from whichever role carries it. */
    private static JsonNode inlinePolicy(String name) {
        for (JsonNode resource : template.get("Resources")) {
            if (resource.path("Type").asText().equals("AWS::IAM::Role")) {
                for (JsonNode policy : resource.path("Properties").path("Policies")) {
                    if (policy.path("PolicyName").asText().equals(name)) {
                        return policy.get("PolicyDocument");
                    }
                }
            }
        }
        throw new AssertionError("no role has the inline policy " + name);
    }

    /** The first JSON block after the heading that starts with {@code heading} in docs/deployment-aws.md. */
    private static JsonNode documented(String heading) throws Exception {
        String doc = Files.readString(DOC);
        int section = doc.indexOf("\n" + heading);
        assertThat(section).as(heading + " in " + DOC).isPositive();
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        return JSON.readTree(doc.substring(start, doc.indexOf("```", start)));
    }

    /** Each statement as Sid -> its sorted actions and condition keys. */
    private static Map<String, String> statements(JsonNode policy) {
        Map<String, String> bySid = new TreeMap<>();
        for (JsonNode statement : policy.get("Statement")) {
            Set<String> conditionKeys = new TreeSet<>();
            statement.path("Condition").forEach(operator -> operator.fieldNames().forEachRemaining(conditionKeys::add));
            bySid.put(statement.get("Sid").asText(), new TreeSet<>(texts(statement.get("Action")))
                    + " if " + conditionKeys);
        }
        return bySid;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(item -> texts.add(item.isTextual() ? item.asText() : item.toString()));
        } else {
            texts.add(node.isTextual() ? node.asText() : node.toString());
        }
        return texts;
    }
}

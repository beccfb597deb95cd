package org.classreflect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The other choices: Fargate workers (CLASSREFLECT_FLEET=ecs) and a NAT gateway in each zone. */
class EcsFleetStackTest {

    private static Synthesised synthesised;
    private static Template template;

    @BeforeAll
    static void synthesise() {
        synthesised = Synthesised.with(DeploymentChoices.DEFAULTS.withFleet("ecs").withNatGateways(2));
        template = synthesised.template;
    }

    @Test
    void passesCdkNagsAwsSolutionsRules() {
        assertThat(synthesised.nagErrors()).isEmpty();
    }

    @Test
    void eachZoneHasItsOwnNatGatewayAndNoWorkerInstancesExist() {
        template.resourceCountIs("AWS::EC2::NatGateway", 2);
        template.resourceCountIs("AWS::EC2::Instance", 0);
        template.resourceCountIs("AWS::EC2::LaunchTemplate", 0);
    }

    @Test
    void theWorkerTaskIsTheOneTheFleetRunsAndItStopsWhenIdle() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", Workers.TASK_FAMILY,
                "RequiresCompatibilities", List.of("FARGATE"),
                "Cpu", "4096", "Memory", "8192",
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Name", Workers.CONTAINER,
                        "StopTimeout", 30,
                        "Command", List.of("work", "--pull-model", Map.of("Ref", "WhisperModel"),
                                "--stop-after-empty-polls", Workers.EMPTY_POLLS),
                        "Environment", Match.arrayWith(List.of(
                                Map.of("Name", "CLASSREFLECT_FLEET", "Value", "ecs"),
                                Match.objectLike(Map.of("Name", "CLASSREFLECT_ECS_CLUSTER")),
                                Map.of("Name", "CLASSREFLECT_ECS_TASK_DEFINITION", "Value", Workers.TASK_FAMILY),
                                Map.of("Name", "CLASSREFLECT_ECS_CONTAINER", "Value", Workers.CONTAINER)))))))));
    }

    @Test
    void theScalerRunsWorkerTasksInThePrivateSubnetsAndMayPassOnlyTheWorkerRolesToEcs() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", "classreflect-scaler",
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Environment", Match.arrayWith(List.of(
                        Map.of("Name", "CLASSREFLECT_FLEET", "Value", "ecs"),
                        Match.objectLike(Map.of("Name", "CLASSREFLECT_ECS_SUBNETS")),
                        Match.objectLike(Map.of("Name", "CLASSREFLECT_ECS_SECURITY_GROUPS"))))))))));
        String scalerPolicy = synthesised.resources("AWS::IAM::Role").values().stream()
                .map(role -> String.valueOf(Synthesised.properties(role).get("Policies")))
                .filter(policies -> policies.contains("classreflect-scaler")).findFirst().orElseThrow();
        assertThat(scalerPolicy)
                .contains("Sid=RunWorkers", "ecs:RunTask", "task-definition/classreflect-worker:*")
                .contains("Sid=PassWorkerRoles", "iam:PassedToService=ecs-tasks.amazonaws.com")
                .contains("Sid=ListWorkers", "ecs:cluster")
                .doesNotContain("ec2:");
    }
}

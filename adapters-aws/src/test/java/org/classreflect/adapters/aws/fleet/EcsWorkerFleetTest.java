package org.classreflect.adapters.aws.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.testfixtures.contracts.WorkerFleetContract;
import org.classreflect.testfixtures.servers.FakeEcs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;

class EcsWorkerFleetTest extends WorkerFleetContract {

    private static final EcsWorkerTask TASK = new EcsWorkerTask(
            "classreflect",
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/classreflect-worker:7",
            List.of("subnet-0a", "subnet-0b"),
            List.of("sg-worker"),
            "worker",
            Map.of("CLASSREFLECT_MODE", "aws"));

    private final FakeEcs ecs = FakeEcs.start();
    private final EcsClient client = FakeAwsClients.ecs(ecs.endpoint());

    @AfterEach
    void closeFakes() {
        client.close();
        ecs.close();
    }

    /** Fargate with room for {@code capacity} tasks, which already runs a task of another service in the cluster. */
    @Override
    protected WorkerFleet newFleet(int capacity) {
        ecs.addRunningTask("classreflect", "classreflect-api");
        ecs.capacity(capacity + 1);
        return fleet();
    }

    @Override
    protected void settle() {
        ecs.settle();
    }

    @Test
    void eachWorkerIsOneFargateTaskInPrivateSubnetsWithTheContainerOverrides() {
        fleet().start(2);

        List<JsonNode> runs = ecs.requests("RunTask");
        assertThat(runs).hasSize(2);
        JsonNode run = runs.get(0);
        assertThat(run.path("cluster").asText()).isEqualTo("classreflect");
        assertThat(run.path("taskDefinition").asText()).isEqualTo(TASK.taskDefinition());
        assertThat(run.path("count").asInt()).isEqualTo(1);
        assertThat(run.path("launchType").asText()).isEqualTo("FARGATE");
        JsonNode vpc = run.path("networkConfiguration").path("awsvpcConfiguration");
        assertThat(vpc.path("subnets")).extracting(JsonNode::asText).containsExactly("subnet-0a", "subnet-0b");
        assertThat(vpc.path("securityGroups")).extracting(JsonNode::asText).containsExactly("sg-worker");
        assertThat(vpc.path("assignPublicIp").asText()).isEqualTo("DISABLED");
        JsonNode container = run.path("overrides").path("containerOverrides").path(0);
        assertThat(container.path("name").asText()).isEqualTo("worker");
        assertThat(container.path("environment").path(0).path("name").asText()).isEqualTo("CLASSREFLECT_MODE");
        assertThat(container.path("environment").path(0).path("value").asText()).isEqualTo("aws");
    }

    @Test
    void theSnapshotListsOnlyTheWorkerFamilyInItsClusterWithTheirTags() {
        ecs.addRunningTask("classreflect", "classreflect-api");
        ecs.addRunningTask("elsewhere", "classreflect-worker");
        WorkerFleet fleet = fleet();
        List<String> started = fleet.start(1);

        List<WorkerInstance> workers = fleet.snapshot().workers();

        assertThat(workers).extracting(WorkerInstance::id).containsExactlyElementsOf(started);
        assertThat(ecs.requests("ListTasks")).allSatisfy(list -> {
            assertThat(list.path("cluster").asText()).isEqualTo("classreflect");
            assertThat(list.path("family").asText()).isEqualTo("classreflect-worker");
        });
        assertThat(ecs.requests("ListTasks")).extracting(list -> list.path("desiredStatus").asText())
                .containsExactly("RUNNING", "STOPPED");
        assertThat(ecs.requests("DescribeTasks")).singleElement()
                .satisfies(describe -> assertThat(describe.path("include").path(0).asText()).isEqualTo("TAGS"));
    }

    @Test
    void activityIsTaggedOnTheWorkersOwnTask() {
        WorkerFleet fleet = fleet();
        String arn = fleet.start(1).get(0);

        fleet.reportActivity(arn, false, Instant.parse("2026-03-02T10:00:00Z"));

        assertThat(ecs.tags(arn)).containsEntry("classreflect:busy", "false")
                .containsEntry("classreflect:idle-since", "2026-03-02T10:00:00Z");
    }

    @Test
    void aWorkerFindsItsTaskInTheTaskMetadataAndReportsThrough() {
        WorkerFleet fleet = fleet();
        String arn = fleet.start(1).get(0);
        fleet.start(1);
        EcsTaskIdentity identity = new EcsTaskIdentity(ecs.containerMetadataUri(arn));

        fleet.reportActivity(identity.taskArn(), true, Instant.parse("2026-03-02T10:00:00Z"));

        assertThat(identity.taskArn()).isEqualTo(arn);
        assertThat(fleet.snapshot().workers()).filteredOn(WorkerInstance::busy).extracting(WorkerInstance::id)
                .containsExactly(arn);
    }

    @Test
    void aStopNamesTheClusterTheTaskAndAReason() {
        WorkerFleet fleet = fleet();
        String arn = fleet.start(1).get(0);

        fleet.stop(List.of(arn));

        assertThat(ecs.requests("StopTask")).singleElement().satisfies(stop -> {
            assertThat(stop.path("cluster").asText()).isEqualTo("classreflect");
            assertThat(stop.path("task").asText()).isEqualTo(arn);
            assertThat(stop.path("reason").asText()).isNotBlank();
        });
        assertThat(ecs.lastStatus(arn)).isEqualTo("DEACTIVATING");
    }

    @Test
    void aTaskOfAnotherServiceIsNeverStopped() {
        String other = ecs.addRunningTask("classreflect", "classreflect-api");

        fleet().stop(List.of(other));

        assertThat(ecs.lastStatus(other)).isEqualTo("RUNNING");
        assertThat(ecs.requests("StopTask")).isEmpty();
    }

    @Test
    void theFamilyIsTheTaskDefinitionWithoutArnPrefixOrRevision() {
        assertThat(TASK.family()).isEqualTo("classreflect-worker");
        assertThat(new EcsWorkerTask("c", "classreflect-worker:12", List.of(), List.of(), "w", Map.of()).family())
                .isEqualTo("classreflect-worker");
        assertThat(new EcsWorkerTask("c", "classreflect-worker", List.of(), List.of(), "w", Map.of()).family())
                .isEqualTo("classreflect-worker");
    }

    private EcsWorkerFleet fleet() {
        return new EcsWorkerFleet(client, TASK);
    }
}

package org.classreflect.adapters.aws.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.testfixtures.contracts.WorkerFleetContract;
import org.classreflect.testfixtures.servers.FakeEc2;
import org.classreflect.testfixtures.servers.FakeImds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

class Ec2WorkerFleetTest extends WorkerFleetContract {

    private static final Map<String, String> POOL_TAG = Map.of("classreflect:role", "worker");

    private final FakeEc2 ec2 = FakeEc2.start();
    private final Ec2Client client = FakeAwsClients.ec2(ec2.endpoint());

    @AfterEach
    void closeFakes() {
        client.close();
        ec2.close();
    }

    /** The pool, plus a stopped instance of another role and an untagged one that the fleet must leave alone. */
    @Override
    protected WorkerFleet newFleet(int capacity) {
        for (int n = 0; n < capacity; n++) {
            ec2.addStoppedInstance(POOL_TAG);
        }
        ec2.addStoppedInstance(Map.of("classreflect:role", "api"));
        ec2.addStoppedInstance(Map.of());
        return fleet();
    }

    @Override
    protected void settle() {
        ec2.settle();
    }

    @Test
    void theSnapshotAsksForThePoolTagAndTheFourWorkerStates() {
        fleet().snapshot();

        assertThat(ec2.requests("DescribeInstances")).singleElement().satisfies(request -> assertThat(request)
                .containsEntry("Filter.1.Name", "tag:classreflect:role")
                .containsEntry("Filter.1.Value.1", "worker")
                .containsEntry("Filter.2.Name", "instance-state-name")
                .containsEntry("Filter.2.Value.1", "pending")
                .containsEntry("Filter.2.Value.2", "running")
                .containsEntry("Filter.2.Value.3", "stopping")
                .containsEntry("Filter.2.Value.4", "stopped")
                .doesNotContainKey("Filter.2.Value.5"));
    }

    @Test
    void instancesOutsideThePoolAreNeitherListedNorStartedNorStopped() {
        String pooled = ec2.addStoppedInstance(POOL_TAG);
        String otherRole = ec2.addStoppedInstance(Map.of("classreflect:role", "api"));
        String running = ec2.addStoppedInstance(Map.of("classreflect:role", "api"));
        client.startInstances(r -> r.instanceIds(running));
        ec2.settle();
        WorkerFleet fleet = fleet();

        List<String> started = fleet.start(10);
        fleet.stop(List.of(running));

        assertThat(started).containsExactly(pooled);
        assertThat(fleet.snapshot().workers()).extracting(WorkerInstance::id).containsExactly(pooled);
        assertThat(ec2.state(otherRole)).isEqualTo("stopped");
        assertThat(ec2.state(running)).isEqualTo("running");
        assertThat(ec2.requests("StopInstances")).isEmpty();
    }

    @Test
    void anInstanceWithoutCapacityIsPassedOverForTheNextOne() {
        String short1 = ec2.addStoppedInstance(POOL_TAG);
        String available = ec2.addStoppedInstance(POOL_TAG);
        ec2.failNextStart(short1, "InsufficientInstanceCapacity");

        List<String> started = fleet().start(2);

        assertThat(started).containsExactly(available);
        assertThat(ec2.state(short1)).isEqualTo("stopped");
        assertThat(ec2.state(available)).isEqualTo("pending");
    }

    @Test
    void otherStartErrorsAreNotSwallowed() {
        String id = ec2.addStoppedInstance(POOL_TAG);
        ec2.failNextStart(id, "UnauthorizedOperation");

        assertThatThrownBy(() -> fleet().start(1))
                .isInstanceOfSatisfying(Ec2Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation"));
    }

    @Test
    void activityIsWrittenAsTagsOnTheWorkersOwnInstance() {
        String id = ec2.addStoppedInstance(POOL_TAG);
        String other = ec2.addStoppedInstance(POOL_TAG);
        Instant since = Instant.parse("2026-03-02T10:00:00Z");

        fleet().reportActivity(id, false, since);

        assertThat(ec2.tags(id)).containsEntry("classreflect:busy", "false")
                .containsEntry("classreflect:idle-since", "2026-03-02T10:00:00Z")
                .containsEntry("classreflect:role", "worker");
        assertThat(ec2.tags(other)).doesNotContainKey("classreflect:busy");
        fleet().reportActivity(id, true, since);
        assertThat(ec2.tags(id)).containsEntry("classreflect:busy", "true").containsEntry("classreflect:idle-since", "");
    }

    @Test
    void aRestartedInstanceForgetsTheActivityOfItsPreviousLife() {
        String id = ec2.addStoppedInstance(POOL_TAG);
        ec2.setTag(id, "classreflect:busy", "true");
        WorkerFleet fleet = fleet();

        fleet.start(1);
        WorkerInstance worker = fleet.snapshot().workers().get(0);

        assertThat(worker.busy()).isFalse();
        assertThat(worker.idleSince()).isEqualTo(worker.launchedAt());
        assertThat(ec2.tags(id)).containsEntry("classreflect:busy", "false");
    }

    @Test
    void selfStopStopsTheInstanceTheMetadataServiceNames() {
        String first = ec2.addStoppedInstance(POOL_TAG);
        String second = ec2.addStoppedInstance(POOL_TAG);
        Ec2WorkerFleet fleet = fleet();
        fleet.start(2);
        ec2.settle();

        try (FakeImds imds = FakeImds.start().instanceId(second);
             Ec2MetadataClient metadata = FakeAwsClients.imds(imds.endpoint())) {
            fleet.selfStop(new Ec2InstanceIdentity(metadata));
        }

        assertThat(ec2.state(second)).isEqualTo("stopping");
        assertThat(ec2.state(first)).isEqualTo("running");
    }

    private Ec2WorkerFleet fleet() {
        return new Ec2WorkerFleet(client, "classreflect:role", "worker");
    }
}

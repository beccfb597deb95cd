package org.classreflect.adapters.aws.fleet;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Workers on a pool of pre-created EC2 instances that carry a pool tag (such as {@code classreflect:role=worker}) and
 * sit stopped until needed. Starting a worker starts a stopped instance of the pool, stopping one stops it; instances
 * are never created or terminated here. Workers report their activity as tags on their own instance
 * (see {@link ActivityTags}), so the scaler can read it in the same DescribeInstances call.
 */
public final class Ec2WorkerFleet implements WorkerFleet {

    private static final Logger log = LoggerFactory.getLogger(Ec2WorkerFleet.class);

    /** Errors that concern one instance only: another instance of the pool may still start. */
    private static final Set<String> TRY_ANOTHER_INSTANCE = Set.of("InsufficientInstanceCapacity", "IncorrectInstanceState");
    private static final List<InstanceStateName> WORKER_STATES = List.of(
            InstanceStateName.PENDING, InstanceStateName.RUNNING, InstanceStateName.STOPPING, InstanceStateName.STOPPED);

    private final Ec2Client ec2;
    private final String poolTagKey;
    private final String poolTagValue;

    public Ec2WorkerFleet(Ec2Client ec2, String poolTagKey, String poolTagValue) {
        this.ec2 = ec2;
        this.poolTagKey = poolTagKey;
        this.poolTagValue = poolTagValue;
    }

    /** A fleet with the default credentials chain; {@code endpointOverride} for a VPC endpoint or a test server. */
    public static Ec2WorkerFleet connect(String region, Optional<URI> endpointOverride, String poolTagKey, String poolTagValue) {
        Ec2ClientBuilder builder = Ec2Client.builder().region(Region.of(region));
        endpointOverride.ifPresent(builder::endpointOverride);
        return new Ec2WorkerFleet(builder.build(), poolTagKey, poolTagValue);
    }

    @Override
    public FleetSnapshot snapshot() {
        return new FleetSnapshot(pool(WORKER_STATES).stream().map(Ec2WorkerFleet::worker).toList());
    }

    /**
     * Starts stopped instances of the pool one at a time, so that one instance without capacity (its type is
     * exhausted in its zone) does not keep the others from starting. Each started instance forgets the activity it
     * reported in its previous life.
     */
    @Override
    public List<String> start(int count) {
        List<String> started = new ArrayList<>();
        if (count <= 0) {
            return started;
        }
        for (Instance candidate : pool(List.of(InstanceStateName.STOPPED))) {
            if (started.size() == count) {
                break;
            }
            try {
                ec2.startInstances(r -> r.instanceIds(candidate.instanceId()));
                started.add(candidate.instanceId());
            } catch (Ec2Exception e) {
                if (!TRY_ANOTHER_INSTANCE.contains(e.awsErrorDetails().errorCode())) {
                    throw e;
                }
                log.warn("Worker instance {} did not start ({}); trying another", candidate.instanceId(), e.awsErrorDetails().errorCode());
            }
        }
        if (!started.isEmpty()) {
            tag(started, ActivityTags.notYetReported());
        }
        return started;
    }

    /** Stops those of the given instances that are pending or running members of the pool; other ids are ignored. */
    @Override
    public void stop(Collection<String> workerIds) {
        if (workerIds.isEmpty()) {
            return;
        }
        List<String> ours = pool(List.of(InstanceStateName.PENDING, InstanceStateName.RUNNING)).stream()
                .map(Instance::instanceId)
                .filter(workerIds::contains)
                .toList();
        if (!ours.isEmpty()) {
            ec2.stopInstances(r -> r.instanceIds(ours));
        }
    }

    @Override
    public void reportActivity(String workerId, boolean busy, Instant since) {
        tag(List.of(workerId), ActivityTags.reported(busy, since));
    }

    /** A worker stops the instance it runs on (say, when it has been idle long enough and no scaler is running). */
    public void selfStop(Ec2InstanceIdentity identity) {
        stop(List.of(identity.instanceId()));
    }

    private List<Instance> pool(List<InstanceStateName> states) {
        return ec2.describeInstancesPaginator(r -> r.filters(
                        Filter.builder().name("tag:" + poolTagKey).values(poolTagValue).build(),
                        Filter.builder().name("instance-state-name").values(states.stream().map(InstanceStateName::toString).toList()).build()))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .toList();
    }

    private void tag(List<String> instanceIds, Map<String, String> tags) {
        ec2.createTags(r -> r.resources(instanceIds)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList()));
    }

    private static WorkerInstance worker(Instance instance) {
        Map<String, String> tags = instance.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        return ActivityTags.worker(instance.instanceId(), state(instance.state().name()), tags, instance.launchTime());
    }

    private static WorkerState state(InstanceStateName name) {
        return switch (name) {
            case PENDING -> WorkerState.STARTING;
            case RUNNING -> WorkerState.RUNNING;
            case STOPPING, SHUTTING_DOWN -> WorkerState.STOPPING;
            case STOPPED, TERMINATED -> WorkerState.STOPPED;
            default -> throw new IllegalStateException("unknown EC2 instance state " + name);
        };
    }
}

package org.classreflect.adapters.aws.fleet;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.scaling.WorkerInstance;
import org.classreflect.core.scaling.WorkerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * Workers as Fargate tasks: one RunTask per worker started, StopTask to stop one. A worker is known by its task ARN.
 * Workers report their activity as tags on their own task (TagResource, see {@link ActivityTags}); the snapshot
 * reads them back with DescribeTasks, so a busy worker is never mistaken for an idle one.
 */
public final class EcsWorkerFleet implements WorkerFleet {

    private static final Logger log = LoggerFactory.getLogger(EcsWorkerFleet.class);
    private static final int DESCRIBE_BATCH = 100;
    private static final String STARTED_BY = "classreflect-scaler";

    private final EcsClient ecs;
    private final EcsWorkerTask task;

    public EcsWorkerFleet(EcsClient ecs, EcsWorkerTask task) {
        this.ecs = ecs;
        this.task = task;
    }

    /** A fleet with the default credentials chain; {@code endpointOverride} for a VPC endpoint or a test server. */
    public static EcsWorkerFleet connect(String region, Optional<URI> endpointOverride, EcsWorkerTask task) {
        EcsClientBuilder builder = EcsClient.builder().region(Region.of(region));
        endpointOverride.ifPresent(builder::endpointOverride);
        return new EcsWorkerFleet(builder.build(), task);
    }

    /** The tasks of the worker family that ECS still lists: running or on their way up or down, and lately stopped. */
    @Override
    public FleetSnapshot snapshot() {
        List<String> arns = new ArrayList<>(taskArns(DesiredStatus.RUNNING));
        arns.addAll(taskArns(DesiredStatus.STOPPED));
        List<WorkerInstance> workers = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += DESCRIBE_BATCH) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_BATCH));
            ecs.describeTasks(r -> r.cluster(task.cluster()).tasks(batch).include(TaskField.TAGS)).tasks().stream()
                    .map(EcsWorkerFleet::worker)
                    .forEach(workers::add);
        }
        return new FleetSnapshot(workers);
    }

    /** Runs one task per worker; stops asking at the first refusal (no Fargate capacity), which the next call retries. */
    @Override
    public List<String> start(int count) {
        List<String> started = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            RunTaskResponse response = ecs.runTask(r -> r
                    .cluster(task.cluster())
                    .taskDefinition(task.taskDefinition())
                    .count(1)
                    .launchType(LaunchType.FARGATE)
                    .startedBy(STARTED_BY)
                    .networkConfiguration(network -> network.awsvpcConfiguration(vpc -> vpc
                            .subnets(task.subnets())
                            .securityGroups(task.securityGroups())
                            .assignPublicIp(AssignPublicIp.DISABLED)))
                    .overrides(o -> o.containerOverrides(c -> c
                            .name(task.containerName())
                            .environment(task.environment().entrySet().stream()
                                    .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build())
                                    .toList()))));
            if (response.tasks().isEmpty()) {
                log.warn("Fargate did not start a worker task: {}", response.failures());
                break;
            }
            response.tasks().forEach(t -> started.add(t.taskArn()));
        }
        return started;
    }

    /** Stops those of the given tasks that are live tasks of the worker family; other ids are ignored. */
    @Override
    public void stop(Collection<String> workerIds) {
        if (workerIds.isEmpty()) {
            return;
        }
        for (String arn : taskArns(DesiredStatus.RUNNING)) {
            if (workerIds.contains(arn)) {
                ecs.stopTask(r -> r.cluster(task.cluster()).task(arn).reason("Stopped by the ClassReflect scaler"));
            }
        }
    }

    @Override
    public void reportActivity(String workerId, boolean busy, Instant since) {
        ecs.tagResource(r -> r.resourceArn(workerId).tags(ActivityTags.reported(busy, since).entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                .toList()));
    }

    private List<String> taskArns(DesiredStatus desired) {
        return ecs.listTasksPaginator(r -> r.cluster(task.cluster()).family(task.family()).desiredStatus(desired))
                .taskArns().stream().toList();
    }

    private static WorkerInstance worker(Task task) {
        Map<String, String> tags = task.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
        Instant launchedAt = task.startedAt() != null ? task.startedAt() : task.createdAt();
        return ActivityTags.worker(task.taskArn(), state(task.lastStatus()), tags, launchedAt);
    }

    private static WorkerState state(String lastStatus) {
        return switch (lastStatus) {
            case "PROVISIONING", "PENDING", "ACTIVATING" -> WorkerState.STARTING;
            case "RUNNING" -> WorkerState.RUNNING;
            case "DEACTIVATING", "STOPPING", "DEPROVISIONING" -> WorkerState.STOPPING;
            case "STOPPED", "DELETED" -> WorkerState.STOPPED;
            default -> throw new IllegalStateException("unknown ECS task status " + lastStatus);
        };
    }
}

package org.classreflect.adapters.aws.fleet;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one Fargate worker task is: the cluster it runs in, its task definition ({@code family}, {@code family:revision}
 * or an ARN), the private subnets and security groups of its network interface (no public IP), and the environment
 * given to its worker container on top of the task definition's.
 */
public record EcsWorkerTask(
        String cluster,
        String taskDefinition,
        List<String> subnets,
        List<String> securityGroups,
        String containerName,
        Map<String, String> environment) {

    public EcsWorkerTask {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(taskDefinition, "taskDefinition");
        Objects.requireNonNull(containerName, "containerName");
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        environment = Map.copyOf(environment);
    }

    /** The task definition family, which ListTasks filters by: the name without revision or ARN prefix. */
    public String family() {
        String name = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }
}

package org.classreflect.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.EcsTask;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The scaler: every minute an EventBridge rule runs the worker image's {@code scale --once} as a one-shot Fargate
 * task, which reads the queue depth, decides with the scaling policy and starts or stops workers. Its role can read
 * the two queues and manage only the worker pool (EC2) or the worker tasks of the cluster (ECS).
 */
final class Scaler extends Construct {

    /** Dollars per hour of one worker (us-east-1, on demand), for the scaler's budget (SCALE_WORKER_PRICE_PER_HOUR). */
    static final Map<String, String> ON_DEMAND_PRICE_PER_HOUR = Map.of("c6i.xlarge", "0.17", "c6i.2xlarge", "0.34",
            "t3.xlarge", "0.1664", "g4dn.xlarge", "0.526");
    /** A Fargate worker of 4 vCPU and 8 GB: 4 x 0.04048 + 8 x 0.004445 (us-east-1). */
    static final String FARGATE_WORKER_PRICE_PER_HOUR = "0.1975";

    final Role role;
    final FargateTaskDefinition task;

    Scaler(Construct scope, String id, Vpc vpc, Cluster cluster, Data data, Workers workers, IRepository repository,
            StackParameters parameters, DeploymentChoices choices) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        Map<String, String> env = new LinkedHashMap<>(AppEnvironment.queueOnly(data));
        env.put("CLASSREFLECT_FLEET", choices.fleet());
        env.put("CLASSREFLECT_SCALE_MAX_WORKERS", parameters.maxWorkers.getValueAsString());
        List<PolicyStatement> statements = new ArrayList<>(List.of(Permissions.queueDepth(data)));
        if (choices.ec2Fleet()) {
            env.put("CLASSREFLECT_EC2_POOL_TAG", Permissions.POOL_TAG_KEY + "=" + Permissions.POOL_TAG_VALUE);
            String price = ON_DEMAND_PRICE_PER_HOUR.get(choices.workerInstanceType());
            if (price == null) {
                throw new IllegalArgumentException("no on-demand price is known for " + choices.workerInstanceType()
                        + " (the scaler's budget needs it): add it to Scaler.ON_DEMAND_PRICE_PER_HOUR");
            }
            env.put("CLASSREFLECT_SCALE_WORKER_PRICE_PER_HOUR", price);
            statements.addAll(Permissions.ec2Scaler());
        } else {
            FargateTaskDefinition workerTask = workers.task.orElseThrow();
            env.put("CLASSREFLECT_ECS_CLUSTER", cluster.getClusterName());
            env.put("CLASSREFLECT_ECS_TASK_DEFINITION", Workers.TASK_FAMILY);
            env.put("CLASSREFLECT_ECS_CONTAINER", Workers.CONTAINER);
            env.put("CLASSREFLECT_ECS_SUBNETS", vpc.getPrivateSubnets().stream().map(ISubnet::getSubnetId)
                    .collect(Collectors.joining(",")));
            env.put("CLASSREFLECT_ECS_SECURITY_GROUPS", workers.securityGroup.getSecurityGroupId());
            env.put("CLASSREFLECT_SCALE_WORKER_PRICE_PER_HOUR", FARGATE_WORKER_PRICE_PER_HOUR);
            statements.addAll(Permissions.ecsScaler(cluster.getClusterName(), cluster.getClusterArn(),
                    Workers.TASK_FAMILY, List.of((Role) workerTask.getTaskRole(), (Role) workerTask.obtainExecutionRole())));
        }
        role = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("ClassReflect scaler (docs/deployment-aws.md, Permissions: Scaler)")
                .inlinePolicies(Map.of("classreflect-scaler", PolicyDocument.Builder.create().statements(statements)
                        .build()))
                .build();
        task = FargateTaskDefinition.Builder.create(this, "Task")
                .family("classreflect-scaler")
                .cpu(256)
                .memoryLimitMiB(512)
                .taskRole(role)
                .build();
        task.addContainer("scaler", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(repository, parameters.imageTag.getValueAsString()))
                .command(List.of("scale", "--once"))
                .environment(env)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("scaler")
                        .build()))
                .build());
        Rule.Builder.create(this, "EveryMinute")
                .description("Runs `scale --once`: sizes the worker fleet from the job queue")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(EcsTask.Builder.create()
                        .cluster(cluster)
                        .taskDefinition(task)
                        .subnetSelection(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                        .securityGroups(List.of(SecurityGroup.Builder.create(this, "SecurityGroup").vpc(vpc)
                                .description("ClassReflect scaler: no inbound, outbound to the AWS APIs")
                                .allowAllOutbound(true).build()))
                        .taskCount(1)
                        .build()))
                .build();
    }
}

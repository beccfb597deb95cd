package org.classreflect.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceInitiatedShutdownBehavior;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.LaunchTemplateHttpTokens;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The worker hosts the scaler starts and stops: either a pool of EC2 instances (each boots, runs the worker image
 * until three polls in a row find nothing, then stops) or a Fargate task definition run once per worker.
 */
final class Workers extends Construct {

    static final String TASK_FAMILY = "classreflect-worker";
    static final String CONTAINER = "worker";
    static final String EMPTY_POLLS = "3";
    static final String MODELS_DIR = "/var/cache/classreflect/models";
    /** The worker finishes or hands back its job within this (CLASSREFLECT_WORKER_SHUTDOWN_GRACE, default 20s). */
    static final Duration STOP_TIMEOUT = Duration.seconds(30);

    final SecurityGroup securityGroup;
    final LogGroup logs;
    final Role role;
    final Optional<LaunchTemplate> launchTemplate;
    final Optional<FargateTaskDefinition> task;

    Workers(Construct scope, String id, Vpc vpc, Cluster cluster, Data data, IRepository repository,
            StackParameters parameters, DeploymentChoices choices) {
        super(scope, id);
        logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(vpc)
                .description("ClassReflect workers: no inbound, outbound to AWS APIs and the model host")
                .allowAllOutbound(true).build();
        data.database.getConnections().allowDefaultPortFrom(securityGroup, "workers");
        String image = repository.repositoryUriForTag(parameters.imageTag.getValueAsString());
        List<String> command = List.of("work", "--pull-model", parameters.whisperModel.getValueAsString(),
                "--stop-after-empty-polls", EMPTY_POLLS);
        Map<String, String> env = new LinkedHashMap<>(AppEnvironment.awsMode(data));
        env.put("CLASSREFLECT_WORKER_POLL_WAIT", "20s");
        env.put("CLASSREFLECT_MODELS_URL", parameters.modelsUrl.getValueAsString());
        env.put("CLASSREFLECT_FLEET", choices.fleet());

        List<PolicyStatement> self;
        if (choices.ec2Fleet()) {
            env.put("CLASSREFLECT_EC2_POOL_TAG", Permissions.POOL_TAG_KEY + "=" + Permissions.POOL_TAG_VALUE);
            self = Permissions.ec2WorkerSelf();
        } else {
            env.put("CLASSREFLECT_ECS_CLUSTER", cluster.getClusterName());
            env.put("CLASSREFLECT_ECS_TASK_DEFINITION", TASK_FAMILY);
            env.put("CLASSREFLECT_ECS_CONTAINER", CONTAINER);
            self = List.of(Permissions.ecsWorkerSelf(cluster.getClusterName()));
        }
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal(choices.ec2Fleet() ? "ec2.amazonaws.com" : "ecs-tasks.amazonaws.com"))
                .description("ClassReflect workers (docs/deployment-aws.md, Permissions: Worker)")
                .inlinePolicies(Map.of("classreflect-worker", Permissions.worker(data),
                        "classreflect-worker-fleet", PolicyDocument.Builder.create().statements(self).build()))
                .build();

        if (choices.ec2Fleet()) {
            repository.grantPull(role);
            logs.grantWrite(role);
            launchTemplate = Optional.of(launchTemplate(choices, image, command, env));
            List<ISubnet> subnets = vpc.getPrivateSubnets();
            for (int i = 0; i < choices.ec2PoolSize(); i++) {
                poolInstance(i, subnets.get(i % subnets.size()));
            }
            task = Optional.empty();
        } else {
            launchTemplate = Optional.empty();
            task = Optional.of(fargateTask(repository, parameters, command, env));
        }
    }

    private LaunchTemplate launchTemplate(DeploymentChoices choices, String image, List<String> command,
            Map<String, String> env) {
        String region = Stack.of(this).getRegion();
        String registry = Fn.select(0, Fn.split("/", image));
        UserData userData = UserData.forLinux();
        userData.addCommands(
                "set -eu",
                "dnf install -y docker",
                "systemctl enable --now docker",
                "install -d -o 10001 " + MODELS_DIR,
                "install -d /etc/classreflect",
                "cat > /etc/classreflect/worker.env <<'ENV'",
                env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")),
                "ENV",
                // Runs at every boot (the pool's instances are started and stopped, user data runs only once):
                // log in to ECR, run one worker until it is idle, then power the instance off whatever happened.
                "cat > /usr/local/bin/classreflect-worker <<'RUN'",
                "#!/bin/bash",
                "for try in 1 2 3 4 5 6 7 8 9 10; do",
                "  aws ecr get-login-password --region " + region + " | docker login --username AWS "
                        + "--password-stdin " + registry + " && break",
                "  sleep 6",
                "done",
                "docker run --rm --network host --stop-timeout " + STOP_TIMEOUT.toSeconds()
                        + " --env-file /etc/classreflect/worker.env -v " + MODELS_DIR + ":" + MODELS_DIR
                        + " --log-driver awslogs --log-opt awslogs-region=" + region + " --log-opt awslogs-group="
                        + logs.getLogGroupName() + " " + image + " " + String.join(" ", command),
                "systemctl poweroff",
                "RUN",
                "chmod 755 /usr/local/bin/classreflect-worker",
                "cat > /etc/systemd/system/classreflect-worker.service <<'UNIT'",
                "[Unit]",
                "Description=ClassReflect worker (stops the instance when idle)",
                "After=docker.service network-online.target",
                "Wants=network-online.target",
                "Requires=docker.service",
                "[Service]",
                "ExecStart=/usr/local/bin/classreflect-worker",
                "[Install]",
                "WantedBy=multi-user.target",
                "UNIT",
                "systemctl daemon-reload",
                "systemctl enable --now --no-block classreflect-worker");
        return LaunchTemplate.Builder.create(this, "LaunchTemplate")
                .machineImage(MachineImage.latestAmazonLinux2023())
                .instanceType(new InstanceType(choices.workerInstanceType()))
                .role(role)
                .securityGroup(securityGroup)
                .userData(userData)
                .requireImdsv2(true)
                .httpTokens(LaunchTemplateHttpTokens.REQUIRED)
                .httpPutResponseHopLimit(1)
                .instanceInitiatedShutdownBehavior(InstanceInitiatedShutdownBehavior.STOP)
                .blockDevices(List.of(BlockDevice.builder().deviceName("/dev/xvda")
                        .volume(BlockDeviceVolume.ebs(20, EbsDeviceOptions.builder().encrypted(true)
                                .volumeType(EbsDeviceVolumeType.GP3).deleteOnTermination(true).build()))
                        .build()))
                .build();
    }

    private void poolInstance(int index, ISubnet subnet) {
        LaunchTemplate template = launchTemplate.orElseThrow();
        CfnInstance.Builder.create(this, "Pool" + index)
                .launchTemplate(CfnInstance.LaunchTemplateSpecificationProperty.builder()
                        .launchTemplateId(template.getLaunchTemplateId())
                        .version(template.getLatestVersionNumber()).build())
                .subnetId(subnet.getSubnetId())
                .tags(List.of(
                        CfnTag.builder().key(Permissions.POOL_TAG_KEY).value(Permissions.POOL_TAG_VALUE).build(),
                        CfnTag.builder().key("Name").value("classreflect-worker-" + index).build()))
                .build();
    }

    private FargateTaskDefinition fargateTask(IRepository repository, StackParameters parameters,
            List<String> command, Map<String, String> env) {
        FargateTaskDefinition definition = FargateTaskDefinition.Builder.create(this, "Task")
                .family(TASK_FAMILY)
                .cpu(4096)
                .memoryLimitMiB(8192)
                .taskRole(role)
                .build();
        definition.addContainer(CONTAINER, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(repository, parameters.imageTag.getValueAsString()))
                .command(command)
                .environment(env)
                .stopTimeout(STOP_TIMEOUT)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("worker")
                        .build()))
                .build());
        return definition;
    }
}

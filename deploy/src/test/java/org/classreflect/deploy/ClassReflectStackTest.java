package org.classreflect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesised CloudFormation of the default choices (one NAT gateway, an EC2 worker pool): every property that
 * matters to security or to cost, and cdk-nag's AwsSolutions rules.
 */
class ClassReflectStackTest {

    private static Synthesised synthesised;
    private static Template template;

    @BeforeAll
    static void synthesise() {
        synthesised = Synthesised.with(DeploymentChoices.DEFAULTS);
        template = synthesised.template;
    }

    @Test
    void passesCdkNagsAwsSolutionsRulesWithEverySuppressionReasoned() {
        assertThat(synthesised.nagErrors()).isEmpty();
    }

    @Test
    void theNetworkSpansTwoZonesWithOneNatGatewayAndAnS3GatewayEndpoint() {
        template.resourceCountIs("AWS::EC2::Subnet", 4);
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(
                        Match.arrayWith(List.of(".s3")))))))));
    }

    @Test
    void auroraIsServerlessEncryptedBackedUpForAWeekAndProtectedFromDeletion() {
        template.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-mysql",
                "StorageEncrypted", true,
                "BackupRetentionPeriod", 7,
                "DeletionProtection", true,
                "DatabaseName", "classreflect",
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 4))));
        template.hasResource("AWS::RDS::DBCluster", Match.objectLike(Map.of("DeletionPolicy", "Snapshot")));
        template.hasResourceProperties("AWS::RDS::DBSubnetGroup", Match.objectLike(Map.of("SubnetIds", List.of(
                Map.of("Ref", Match.stringLikeRegexp("NetworkVpcprivateSubnet1.*")),
                Map.of("Ref", Match.stringLikeRegexp("NetworkVpcprivateSubnet2.*"))))));
        template.hasResourceProperties("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DBInstanceClass", "db.serverless", "PubliclyAccessible", false)));
        template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "classreflect/db",
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "password")))));
    }

    @Test
    void theTokenKeyIsAGeneratedSecretOfValidBase64() {
        template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "classreflect/token-key",
                "GenerateSecretString", Map.of("PasswordLength", 64, "ExcludePunctuation", true,
                        "IncludeSpace", false))));
    }

    @Test
    void theAudioBucketIsEncryptedPrivateTlsOnlyAndCleansUpAfterItself() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "CorsConfiguration", Map.of("CorsRules", List.of(Match.objectLike(Map.of(
                        "AllowedMethods", List.of("PUT", "GET"),
                        "AllowedOrigins", List.of(Map.of("Ref", "AppOrigin")))))),
                "LifecycleConfiguration", Map.of("Rules", List.of(
                        Match.objectLike(Map.of("Id", "abort-incomplete-uploads", "Prefix", "audio/",
                                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))),
                        Match.objectLike(Map.of("Id", "safety-net-expiry", "Prefix", "audio/",
                                "ExpirationInDays", 45)))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(
                        Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                ))))))));
    }

    @Test
    void theJobQueueIsEncryptedAndRedrivesAfterTheWorkersOwnAttempts() {
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "classreflect-jobs",
                "SqsManagedSseEnabled", true,
                "VisibilityTimeout", 600,
                "ReceiveMessageWaitTimeSeconds", 20,
                "MessageRetentionPeriod", 1209600,
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", Data.WORKER_MAX_ATTEMPTS + 1)))));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "classreflect-jobs-dlq", "SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 1209600)));
    }

    @Test
    void theApiIsServedOverHttpsOnlyAndCheckedOnReady() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Protocol", "HTTPS", "Port", 443,
                "Certificates", List.of(Map.of("CertificateArn", Map.of("Ref", "CertificateArn"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of(
                "Protocol", "HTTP", "Port", 80,
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "redirect",
                        "RedirectConfig", Match.objectLike(Map.of("Protocol", "HTTPS", "StatusCode", "HTTP_301")))))
        )));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "Scheme", "internet-facing",
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "idle_timeout.timeout_seconds", "Value", "60"),
                        Map.of("Key", "routing.http.drop_invalid_header_fields.enabled", "Value", "true"))))));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/ready",
                "Matcher", Map.of("HttpCode", "200"),
                "TargetGroupAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "deregistration_delay.timeout_seconds", "Value", "30"))))));
    }

    @Test
    void theApiOutlivesTheLoadBalancersIdleTimeoutAndTheEventStreamsKeepAlive() {
        assertThat(Api.ALB_IDLE_TIMEOUT_SECONDS).isGreaterThan(15);
        assertThat(Integer.parseInt(Api.APP_IDLE_TIMEOUT.replace("s", ""))).isGreaterThan(Api.ALB_IDLE_TIMEOUT_SECONDS);
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Name", "api",
                        "Environment", Match.arrayWith(List.of(
                                Map.of("Name", "CLASSREFLECT_WORKER_THREADS", "Value", "0"),
                                Map.of("Name", "CLASSREFLECT_HTTP_IDLE_TIMEOUT", "Value", Api.APP_IDLE_TIMEOUT))),
                        "Secrets", List.of(Match.objectLike(Map.of("Name", "CLASSREFLECT_ADMIN_PASSWORD")))))))));
    }

    @Test
    void theApiDeploysRollingWithRollbackAndScalesOnCpuAndMemory() {
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "LaunchType", "FARGATE",
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true),
                        "MinimumHealthyPercent", 100, "MaximumPercent", 200)),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of(
                        "AssignPublicIp", "DISABLED"))))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", Map.of("Ref", "ApiMinTasks"), "MaxCapacity", Map.of("Ref", "ApiMaxTasks"))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 70,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType",
                                "ECSServiceAverageCPUUtilization"))))));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 80,
                        "PredefinedMetricSpecification", Map.of("PredefinedMetricType",
                                "ECSServiceAverageMemoryUtilization"))))));
    }

    @Test
    void theWorkerPoolIsTaggedAsTheFleetExpectsAndEachInstanceStopsItselfWhenIdle() {
        Map<String, Map<String, Object>> pool = synthesised.resources("AWS::EC2::Instance");
        assertThat(pool).hasSize(DeploymentChoices.DEFAULTS.ec2PoolSize());
        pool.values().forEach(instance -> assertThat(Synthesised.properties(instance).get("Tags").toString())
                .contains("Key=classreflect:role, Value=worker"));
        template.hasResourceProperties("AWS::EC2::LaunchTemplate", Match.objectLike(Map.of(
                "LaunchTemplateData", Match.objectLike(Map.of(
                        "InstanceType", "c6i.xlarge",
                        "InstanceInitiatedShutdownBehavior", "stop",
                        "MetadataOptions", Map.of("HttpTokens", "required", "HttpPutResponseHopLimit", 1),
                        "BlockDeviceMappings", List.of(Match.objectLike(Map.of("Ebs", Match.objectLike(Map.of(
                                "Encrypted", true, "VolumeType", "gp3"))))))))));
        String userData = synthesised.resources("AWS::EC2::LaunchTemplate").values().iterator().next().toString();
        assertThat(userData)
                .contains("--stop-after-empty-polls " + Workers.EMPTY_POLLS)
                .contains("--pull-model ")
                .contains("--network host")
                .contains("CLASSREFLECT_FLEET=ec2")
                .contains("CLASSREFLECT_EC2_POOL_TAG=classreflect:role=worker")
                .contains("CLASSREFLECT_MODELS_URL=")
                .contains("systemctl poweroff")
                .contains("WantedBy=multi-user.target");
    }

    @Test
    void theScalerRunsScaleOnceEveryMinuteForTheEc2Pool() {
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "Targets", List.of(Match.objectLike(Map.of("EcsParameters", Match.objectLike(Map.of(
                        "LaunchType", "FARGATE", "TaskCount", 1))))))));
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Family", "classreflect-scaler",
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "Command", List.of("scale", "--once"),
                        "Environment", Match.arrayWith(List.of(
                                Map.of("Name", "CLASSREFLECT_FLEET", "Value", "ec2"),
                                Map.of("Name", "CLASSREFLECT_EC2_POOL_TAG", "Value", "classreflect:role=worker")))))))));
    }

    @Test
    void everyAlarmNotifiesTheTopicAndTheBudgetAlertsAt80Percent() {
        Map<String, Map<String, Object>> alarms = synthesised.resources("AWS::CloudWatch::Alarm");
        assertThat(alarms.values()).extracting(a -> Synthesised.properties(a).get("AlarmName"))
                .containsExactlyInAnyOrder("classreflect-DeadLetters", "classreflect-OldestJob",
                        "classreflect-Api5xx", "classreflect-UnhealthyTargets", "classreflect-AuroraCpu",
                        "classreflect-AuroraFreeStorage", "classreflect-WorkerFailures");
        alarms.values().forEach(alarm -> assertThat(Synthesised.properties(alarm).get("AlarmActions").toString())
                .contains("OperationsAlarms"));
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of(
                "Protocol", "email", "Endpoint", Map.of("Ref", "AlarmEmail"))));
        template.hasResourceProperties("AWS::Budgets::Budget", Match.objectLike(Map.of(
                "Budget", Match.objectLike(Map.of("BudgetType", "COST", "TimeUnit", "MONTHLY",
                        "BudgetLimit", Map.of("Amount", Map.of("Ref", "MonthlyBudgetUsd"), "Unit", "USD"))),
                "NotificationsWithSubscribers", List.of(Match.objectLike(Map.of("Notification", Map.of(
                        "NotificationType", "ACTUAL", "ComparisonOperator", "GREATER_THAN", "Threshold", 80,
                        "ThresholdType", "PERCENTAGE")))))));
    }

    @Test
    void everyLogGroupExpires() {
        Map<String, Map<String, Object>> groups = synthesised.resources("AWS::Logs::LogGroup");
        assertThat(groups).hasSizeGreaterThanOrEqualTo(4);
        groups.values().forEach(group -> assertThat(Synthesised.properties(group)).containsEntry("RetentionInDays",
                30));
    }
}

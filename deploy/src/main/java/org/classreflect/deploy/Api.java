package org.classreflect.deploy;

import java.util.Map;
import java.util.LinkedHashMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.MemoryUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedFargateService;
import software.amazon.awscdk.services.ecs.patterns.ApplicationLoadBalancedTaskImageOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The API and web app: a Fargate service behind an internet-facing ALB. HTTPS only (HTTP is redirected), health
 * checked on {@code /ready}, scaled on CPU and memory, deployed rolling with the circuit breaker's rollback.
 */
final class Api extends Construct {

    static final int PORT = 8080;
    /** Longer than the event stream's 15 s keep-alive, so the ALB never cuts a quiet stream. */
    static final int ALB_IDLE_TIMEOUT_SECONDS = 60;
    /** Jetty must keep an idle connection open longer than the ALB does, or the ALB meets closed connections (502). */
    static final String APP_IDLE_TIMEOUT = "75s";

    final ApplicationLoadBalancedFargateService service;

    Api(Construct scope, String id, Cluster cluster, Data data, IRepository repository, StackParameters parameters) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH).build();
        Role taskRole = Role.Builder.create(this, "TaskRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("ClassReflect API tasks (docs/deployment-aws.md, Permissions: API)")
                .inlinePolicies(Map.of("classreflect-api", Permissions.api(data)))
                .build();
        Map<String, String> env = new LinkedHashMap<>(AppEnvironment.awsMode(data));
        env.put("CLASSREFLECT_WORKER_THREADS", "0");
        env.put("CLASSREFLECT_ADMIN_EMAIL", parameters.adminEmail.getValueAsString());
        env.put("CLASSREFLECT_TRUST_FORWARDED_HEADERS", "true");
        env.put("CLASSREFLECT_HTTP_IDLE_TIMEOUT", APP_IDLE_TIMEOUT);

        service = ApplicationLoadBalancedFargateService.Builder.create(this, "Service")
                .cluster(cluster)
                .cpu(512)
                .memoryLimitMiB(1024)
                .desiredCount(Token.asNumber(parameters.apiMinTasks.getValue()))
                .taskImageOptions(ApplicationLoadBalancedTaskImageOptions.builder()
                        .image(ContainerImage.fromEcrRepository(repository, parameters.imageTag.getValueAsString()))
                        .containerName("api")
                        .containerPort(PORT)
                        .taskRole(taskRole)
                        .environment(env)
                        .secrets(Map.of("CLASSREFLECT_ADMIN_PASSWORD", Secret.fromSecretsManager(data.adminPassword)))
                        .logDriver(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("api")
                                .build()))
                        .build())
                .publicLoadBalancer(true)
                .protocol(ApplicationProtocol.HTTPS)
                .certificate(Certificate.fromCertificateArn(this, "Certificate",
                        parameters.certificateArn.getValueAsString()))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .redirectHttp(true)
                .idleTimeout(Duration.seconds(ALB_IDLE_TIMEOUT_SECONDS))
                .healthCheckGracePeriod(Duration.minutes(2))
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .build();
        service.getLoadBalancer().setAttribute("routing.http.drop_invalid_header_fields.enabled", "true");
        service.getTargetGroup().configureHealthCheck(HealthCheck.builder()
                .path("/ready")
                .healthyHttpCodes("200")
                .interval(Duration.seconds(15))
                .healthyThresholdCount(2)
                .unhealthyThresholdCount(3)
                .build());
        service.getTargetGroup().setAttribute("deregistration_delay.timeout_seconds", "30");

        ScalableTaskCount scaling = service.getService().autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(Token.asNumber(parameters.apiMinTasks.getValue()))
                .maxCapacity(Token.asNumber(parameters.apiMaxTasks.getValue()))
                .build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder().targetUtilizationPercent(70)
                .build());
        scaling.scaleOnMemoryUtilization("Memory", MemoryUtilizationScalingProps.builder()
                .targetUtilizationPercent(80).build());
        data.database.getConnections().allowDefaultPortFrom(service.getService(), "API tasks");
    }
}

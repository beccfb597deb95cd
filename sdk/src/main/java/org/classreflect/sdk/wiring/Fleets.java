package org.classreflect.sdk.wiring;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.classreflect.adapters.aws.AwsClients;
import org.classreflect.adapters.aws.fleet.Ec2InstanceIdentity;
import org.classreflect.adapters.aws.fleet.Ec2WorkerFleet;
import org.classreflect.adapters.aws.fleet.EcsTaskIdentity;
import org.classreflect.adapters.aws.fleet.EcsWorkerFleet;
import org.classreflect.adapters.aws.fleet.EcsWorkerTask;
import org.classreflect.adapters.aws.fleet.SpotInterruptionWatcher;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import software.amazon.awssdk.imds.Ec2MetadataClient;

/** Chooses the worker fleet from the settings: for the scaler, and for a worker that belongs to it. */
public final class Fleets {

    private static final Duration SPOT_CHECK_INTERVAL = Duration.ofSeconds(5);

    private Fleets() {
    }

    /** The fleet the scaler manages. */
    public static WorkerFleet fromSettings(Settings settings) {
        return switch (kind(settings)) {
            case "none" -> throw new IllegalStateException("no worker fleet is configured (" + name() + "=none): "
                    + "the scaler starts and stops worker hosts, so set " + name() + " to ec2 or ecs. In local mode "
                    + "the API process runs its own workers and needs no scaler");
            case "ec2" -> ec2(settings);
            case "ecs" -> ecs(settings);
            default -> throw new IllegalArgumentException(name() + " must be none, ec2 or ecs, not " + kind(settings));
        };
    }

    /** How a worker process takes part in its fleet: reporting activity, and stopping its own host when idle. */
    public static FleetMembership membership(Settings settings) {
        return switch (kind(settings)) {
            case "ec2" -> {
                Ec2WorkerFleet fleet = ec2(settings);
                Ec2InstanceIdentity self = Ec2InstanceIdentity.connect(endpoint(settings, Setting.IMDS_ENDPOINT));
                yield new FleetMembership(Optional.of(fleet), self.instanceId(), () -> fleet.selfStop(self));
            }
            // A Fargate task ends when its worker process exits: nothing to switch off.
            case "ecs" -> new FleetMembership(Optional.of(ecs(settings)), EcsTaskIdentity.fromEnvironment().taskArn(),
                    () -> { });
            default -> FleetMembership.NONE;
        };
    }

    /** On an EC2 worker, calls {@code onNotice} once when AWS announces that this spot instance will be taken. */
    public static AutoCloseable watchSpotInterruptions(Settings settings, Runnable onNotice) {
        if (!kind(settings).equals("ec2")) {
            return () -> { };
        }
        Ec2MetadataClient.Builder imds = Ec2MetadataClient.builder();
        endpoint(settings, Setting.IMDS_ENDPOINT).ifPresent(imds::endpoint);
        return new SpotInterruptionWatcher(imds.build(), SPOT_CHECK_INTERVAL, notice -> onNotice.run()).start();
    }

    private static Ec2WorkerFleet ec2(Settings settings) {
        String tag = settings.text(Setting.EC2_POOL_TAG);
        int eq = tag.indexOf('=');
        if (eq <= 0 || eq == tag.length() - 1) {
            throw new IllegalArgumentException(Setting.EC2_POOL_TAG.environmentName() + " must be key=value");
        }
        return Ec2WorkerFleet.connect(region(settings), endpoint(settings, Setting.EC2_ENDPOINT),
                tag.substring(0, eq), tag.substring(eq + 1));
    }

    private static EcsWorkerFleet ecs(Settings settings) {
        EcsWorkerTask task = new EcsWorkerTask(settings.required(Setting.ECS_CLUSTER),
                settings.required(Setting.ECS_TASK_DEFINITION), list(settings, Setting.ECS_SUBNETS),
                list(settings, Setting.ECS_SECURITY_GROUPS), settings.text(Setting.ECS_CONTAINER), Map.of());
        return EcsWorkerFleet.connect(region(settings), endpoint(settings, Setting.ECS_ENDPOINT), task);
    }

    private static String region(Settings settings) {
        return AwsClients.resolveRegion(settings.optional(Setting.AWS_REGION)).id();
    }

    private static Optional<URI> endpoint(Settings settings, Setting setting) {
        return settings.optional(setting).map(URI::create);
    }

    private static List<String> list(Settings settings, Setting setting) {
        return Arrays.stream(settings.text(setting).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String kind(Settings settings) {
        return settings.text(Setting.FLEET).toLowerCase(Locale.ROOT);
    }

    private static String name() {
        return Setting.FLEET.environmentName();
    }
}

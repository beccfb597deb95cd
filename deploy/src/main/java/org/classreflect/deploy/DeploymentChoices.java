package org.classreflect.deploy;

import java.util.Locale;
import java.util.function.Function;

/**
 * What must be known when the templates are synthesised (it changes which resources exist), read from the CDK
 * context ({@code cdk synth -c fleet=ecs}, or cdk.json). Values that only configure resources are CloudFormation
 * parameters instead (see {@link StackParameters}).
 *
 * @param natGateways 1 (cheapest: one NAT gateway for both zones) or 2 (one per zone, survives a zone outage)
 * @param fleet which worker hosts the scaler starts and stops: {@code ec2} (a pool of instances) or {@code ecs}
 * @param ec2PoolSize how many worker instances the EC2 pool holds (they stop themselves when idle)
 * @param workerInstanceType EC2 instance type of the pool
 * @param auroraMinCapacity Aurora Serverless v2 minimum in ACU (0.5 is the smallest that never pauses)
 * @param auroraMaxCapacity Aurora Serverless v2 maximum in ACU
 */
public record DeploymentChoices(int natGateways, String fleet, int ec2PoolSize, String workerInstanceType,
        double auroraMinCapacity, double auroraMaxCapacity) {

    public static final DeploymentChoices DEFAULTS = new DeploymentChoices(1, "ec2", 10, "c6i.xlarge", 0.5, 4);

    public DeploymentChoices {
        if (natGateways != 1 && natGateways != 2) {
            throw new IllegalArgumentException("natGateways must be 1 or 2, not " + natGateways);
        }
        fleet = fleet.toLowerCase(Locale.ROOT);
        if (!fleet.equals("ec2") && !fleet.equals("ecs")) {
            throw new IllegalArgumentException("fleet must be ec2 or ecs, not " + fleet);
        }
        if (ec2PoolSize < 1) {
            throw new IllegalArgumentException("ec2PoolSize must be at least 1");
        }
    }

    /** The choices given in the context, each falling back to its default. */
    public static DeploymentChoices fromContext(Function<String, Object> context) {
        return new DeploymentChoices(
                integer(context.apply("natGateways"), DEFAULTS.natGateways),
                context.apply("fleet") == null ? DEFAULTS.fleet : context.apply("fleet").toString(),
                integer(context.apply("ec2PoolSize"), DEFAULTS.ec2PoolSize),
                context.apply("workerInstanceType") == null ? DEFAULTS.workerInstanceType
                        : context.apply("workerInstanceType").toString(),
                decimal(context.apply("auroraMinCapacity"), DEFAULTS.auroraMinCapacity),
                decimal(context.apply("auroraMaxCapacity"), DEFAULTS.auroraMaxCapacity));
    }

    public boolean ec2Fleet() {
        return fleet.equals("ec2");
    }

    public DeploymentChoices withFleet(String kind) {
        return new DeploymentChoices(natGateways, kind, ec2PoolSize, workerInstanceType, auroraMinCapacity,
                auroraMaxCapacity);
    }

    public DeploymentChoices withNatGateways(int count) {
        return new DeploymentChoices(count, fleet, ec2PoolSize, workerInstanceType, auroraMinCapacity,
                auroraMaxCapacity);
    }

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.toString());
    }

    private static double decimal(Object value, double fallback) {
        return value == null ? fallback : Double.parseDouble(value.toString());
    }
}

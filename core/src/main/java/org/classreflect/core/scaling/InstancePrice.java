package org.classreflect.core.scaling;

import java.util.Locale;
import java.util.Objects;

/**
 * What one worker host costs per hour, on demand, and the discount spot capacity usually gets. Prices are AWS's
 * us-east-1 list prices the original deployment was costed with; override them for another region or a new price.
 *
 * @param spotDiscount the fraction spot capacity saves on the on-demand price (0.6: spot costs 40 %)
 */
public record InstancePrice(String name, double onDemandPerHour, double spotDiscount) {

    public static final double FARGATE_PER_VCPU_HOUR = 0.04048;
    public static final double FARGATE_PER_GB_HOUR = 0.004445;

    /** The original API host, always on. */
    public static final InstancePrice T2_MEDIUM = new InstancePrice("t2.medium", 0.0464, 0.6);
    /** The original Whisper host: 4 vCPU, 16 GB. */
    public static final InstancePrice T3_XLARGE = new InstancePrice("t3.xlarge", 0.1664, 0.6);

    public enum Purchase {
        ON_DEMAND,
        SPOT
    }

    public InstancePrice {
        Objects.requireNonNull(name, "name");
        if (!(onDemandPerHour >= 0) || Double.isInfinite(onDemandPerHour)) {
            throw new IllegalArgumentException("onDemandPerHour must be a price");
        }
        if (!(spotDiscount >= 0 && spotDiscount < 1)) {
            throw new IllegalArgumentException("spotDiscount must be at least 0 and below 1");
        }
    }

    /** A Fargate task of this size; Fargate Spot is usually about 70 % cheaper. */
    public static InstancePrice fargate(double vcpu, double memoryGb) {
        return new InstancePrice(String.format(Locale.ROOT, "Fargate %s vCPU %s GB", vcpu, memoryGb),
                vcpu * FARGATE_PER_VCPU_HOUR + memoryGb * FARGATE_PER_GB_HOUR, 0.7);
    }

    public double perHour(Purchase purchase) {
        return purchase == Purchase.SPOT ? onDemandPerHour * (1 - spotDiscount) : onDemandPerHour;
    }
}

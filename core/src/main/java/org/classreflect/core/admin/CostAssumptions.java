package org.classreflect.core.admin;

import java.time.Duration;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.InstancePrice.Purchase;

/**
 * What a usage report's cost estimate assumes: the cost model (instance and its price, real-time factor, overhead
 * and minimum bill per launch), how the instance is bought, and how many recordings share one launch.
 */
public record CostAssumptions(String instance, double pricePerHour, double realTimeFactor, Duration bootOverhead,
                              Duration minimumBilled, Purchase purchase, int recordingsPerLaunch,
                              double fixedMonthlyBase) {

    public static CostAssumptions of(CostModel model, Purchase purchase, int recordingsPerLaunch) {
        return new CostAssumptions(model.instance().name(), model.instance().perHour(purchase),
                model.realTimeFactor(), model.bootOverhead(), model.minimumBilled(), purchase, recordingsPerLaunch,
                model.fixedMonthlyBase());
    }
}

package org.classreflect.core.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.classreflect.core.scaling.InstancePrice.Purchase;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CostModelTest {

    private static final double EPSILON = 1e-12;

    private static final Gen<InstancePrice> PRICES = doubles().between(0.0, 5.0)
            .zip(doubles().between(0.0, 0.95), (hourly, discount) -> new InstancePrice("x", hourly, discount));

    private static final Gen<CostModel> MODELS = PRICES.zip(doubles().between(0.01, 2.0),
            integers().between(0, 600), integers().between(0, 120), doubles().between(0, 500),
            (price, rtf, boot, minimum, base) -> new CostModel(price, rtf, Duration.ofSeconds(boot),
                    Duration.ofSeconds(minimum), base));

    private static final Gen<Duration> AUDIO = integers().between(0, 4 * 3600).map(s -> Duration.ofSeconds(s));
    private static final Gen<Purchase> PURCHASES = Generate.enumValues(Purchase.class);

    @Test
    void longerRecordingsNeverCostLessAndCostMoreOnceAboveTheMinimum() {
        qt().forAll(MODELS, AUDIO, integers().between(1, 3600), PURCHASES).checkAssert((model, audio, more, p) -> {
            Duration longer = audio.plusSeconds(more);
            double shortCost = model.costPerRecording(audio, p, 1);
            double longCost = model.costPerRecording(longer, p, 1);
            assertThat(longCost).isGreaterThanOrEqualTo(shortCost);
            boolean aboveMinimum = model.bootOverhead().plus(model.processingTime(audio))
                    .compareTo(model.minimumBilled()) >= 0;
            if (aboveMinimum && model.instance().perHour(p) > 1e-6) { // a vanishing price rounds to equal costs
                assertThat(longCost).isGreaterThan(shortCost);
            }
        });
    }

    @Test
    void aDearerInstanceNeverCostsLess() {
        qt().forAll(MODELS, doubles().between(0, 5), AUDIO, PURCHASES).checkAssert((model, extra, audio, p) -> {
            InstancePrice dearer = new InstancePrice("dearer", model.instance().onDemandPerHour() + extra,
                    model.instance().spotDiscount());
            assertThat(model.withInstance(dearer).costPerRecording(audio, p, 1))
                    .isGreaterThanOrEqualTo(model.costPerRecording(audio, p, 1));
        });
    }

    @Test
    void spotNeverCostsMoreThanOnDemand() {
        qt().forAll(MODELS, AUDIO, integers().between(1, 50)).checkAssert((model, audio, k) ->
                assertThat(model.costPerRecording(audio, Purchase.SPOT, k))
                        .isLessThanOrEqualTo(model.costPerRecording(audio, Purchase.ON_DEMAND, k)));
    }

    @Test
    void batchingRecordingsPerBootNeverCostsMoreThanSeparateBoots() {
        qt().forAll(MODELS, AUDIO, integers().between(1, 50), PURCHASES).checkAssert((model, audio, k, p) ->
                assertThat(k * model.costPerRecording(audio, p, k))
                        .isLessThanOrEqualTo(k * model.costPerRecording(audio, p, 1) + EPSILON));
    }

    @Test
    void noRecordingsCostOnlyTheFixedBase() {
        qt().forAll(MODELS, AUDIO, PURCHASES, integers().between(1, 20)).checkAssert((model, audio, p, k) -> {
            CostModel.MonthlyCost month = model.monthly(0, audio, p, k);
            assertThat(month.processing()).isZero();
            assertThat(month.total()).isEqualTo(model.fixedMonthlyBase());
        });
    }

    @Test
    void aFortyFiveMinuteLessonUnderTheDefaults() {
        Duration lesson = Duration.ofMinutes(45);
        // 45 min x 0.13 = 5.85 min of processing, plus 3 min of overhead: 0.1475 h at $0.1664
        assertThat(CostModel.DEFAULTS.costPerRecording(lesson, Purchase.ON_DEMAND, 1))
                .isCloseTo(0.1664 * 0.1475, within(1e-9));
        // ten lessons per launch share the overhead: 0.0975 h + 0.005 h
        assertThat(CostModel.DEFAULTS.costPerRecording(lesson, Purchase.ON_DEMAND, 10))
                .isCloseTo(0.1664 * (0.0975 + 0.005), within(1e-9));
        assertThat(CostModel.DEFAULTS.costPerRecording(lesson, Purchase.SPOT, 1))
                .isCloseTo(0.1664 * 0.1475 * 0.4, within(1e-9));
    }

    @Test
    void theMonthAddsTheAlwaysOnApiHost() {
        CostModel.MonthlyCost month = CostModel.DEFAULTS.monthly(6000, Duration.ofMinutes(45), Purchase.ON_DEMAND, 1);
        assertThat(month.fixedBase()).isCloseTo(0.0464 * 730, within(1e-9));
        assertThat(month.processing()).isCloseTo(6000 * 0.1664 * 0.1475, within(1e-6));
    }

    @Test
    void aFargateTaskIsPricedByItsSize() {
        assertThat(InstancePrice.fargate(4, 8).onDemandPerHour()).isCloseTo(4 * 0.04048 + 8 * 0.004445, within(1e-12));
    }

    @Test
    void theMinimumBillApplies() {
        CostModel model = new CostModel(InstancePrice.T3_XLARGE, 0.25, Duration.ZERO, Duration.ofMinutes(1), 0);
        assertThat(model.costPerRecording(Duration.ofSeconds(4), Purchase.ON_DEMAND, 1))
                .isCloseTo(0.1664 / 60, within(1e-12));
    }
}

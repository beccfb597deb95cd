package org.classreflect.core.scaling;

import java.time.Duration;
import java.util.Objects;
import org.classreflect.core.scaling.InstancePrice.Purchase;

/**
 * What transcribing recordings costs. A worker is billed from launch to stop, at least {@code minimumBilled} per
 * launch; each launch pays {@code bootOverhead} (boot, model load, and the idle polls before it stops) and then
 * {@code realTimeFactor} seconds of processing per second of audio for each recording it takes.
 *
 * @param realTimeFactor    processing time over audio time of the engine on this instance (0.25: 4x faster)
 * @param fixedMonthlyBase  dollars a month that do not depend on the volume (the API host, always on)
 */
public record CostModel(InstancePrice instance, double realTimeFactor, Duration bootOverhead, Duration minimumBilled,
                        double fixedMonthlyBase) {

    /** Hours in an average month, as AWS prices them. */
    public static final double HOURS_PER_MONTH = 730;

    /**
     * t3.xlarge workers with a real-time factor of 0.13 (whisper.cpp base.en in process on 2 threads, measured:
     * docs/benchmarks.md), three minutes' overhead a launch (two to boot and
     * load the model, one of empty polls before stopping), per-second billing with a one-minute minimum, and the
     * t2.medium API host on demand all month as the fixed base.
     */
    public static final CostModel DEFAULTS = new CostModel(InstancePrice.T3_XLARGE, 0.13, Duration.ofMinutes(3),
            Duration.ofMinutes(1), InstancePrice.T2_MEDIUM.onDemandPerHour() * HOURS_PER_MONTH);

    public CostModel {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(bootOverhead, "bootOverhead");
        Objects.requireNonNull(minimumBilled, "minimumBilled");
        if (!(realTimeFactor > 0) || Double.isInfinite(realTimeFactor)) {
            throw new IllegalArgumentException("realTimeFactor must be positive");
        }
        if (bootOverhead.isNegative() || minimumBilled.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative");
        }
        if (!(fixedMonthlyBase >= 0) || Double.isInfinite(fixedMonthlyBase)) {
            throw new IllegalArgumentException("fixedMonthlyBase must be an amount");
        }
    }

    public CostModel withInstance(InstancePrice other) {
        return new CostModel(other, realTimeFactor, bootOverhead, minimumBilled, fixedMonthlyBase);
    }

    /** How long the engine takes for this much audio. */
    public Duration processingTime(Duration audio) {
        return Duration.ofNanos(Math.round(audio.toNanos() * realTimeFactor));
    }

    /** The cost of one recording when each launch of a worker processes {@code recordingsPerBoot} like it. */
    public double costPerRecording(Duration audio, Purchase purchase, int recordingsPerBoot) {
        if (recordingsPerBoot < 1) {
            throw new IllegalArgumentException("recordingsPerBoot must be at least 1");
        }
        double seconds = bootOverhead.toNanos() / 1e9 + recordingsPerBoot * processingTime(audio).toNanos() / 1e9;
        double billed = Math.max(seconds, minimumBilled.toNanos() / 1e9);
        return instance.perHour(purchase) * billed / 3600 / recordingsPerBoot;
    }

    /** A month's bill for this volume of recordings of this average length. */
    public MonthlyCost monthly(long recordingsPerMonth, Duration averageAudio, Purchase purchase,
                               int recordingsPerBoot) {
        if (recordingsPerMonth < 0) {
            throw new IllegalArgumentException("recordingsPerMonth cannot be negative");
        }
        double processing = recordingsPerMonth == 0 ? 0
                : recordingsPerMonth * costPerRecording(averageAudio, purchase, recordingsPerBoot);
        return new MonthlyCost(fixedMonthlyBase, processing);
    }

    public record MonthlyCost(double fixedBase, double processing) {

        public double total() {
            return fixedBase + processing;
        }
    }
}

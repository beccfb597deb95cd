package org.classreflect.sdk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.classreflect.core.telemetry.WorkMetrics;

/** The work's measurements as Micrometer meters; docs/operations.md lists each with its Prometheus name. */
public final class MicrometerWorkMetrics implements WorkMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary uploads;

    public MicrometerWorkMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.uploads = DistributionSummary.builder("classreflect.upload.size").baseUnit("bytes")
                .description("size of the audio of each stored upload").register(registry);
    }

    @Override
    public void uploadStored(long bytes) {
        uploads.record(bytes);
    }

    @Override
    public void jobFinished(String outcome, Duration took) {
        Timer.builder("classreflect.jobs").description("jobs taken from the queue, by outcome")
                .tag("outcome", outcome).register(registry).record(took);
    }

    @Override
    public void stageFinished(String stage, Duration took) {
        Timer.builder("classreflect.stage").description("time spent in each stage of a job")
                .tag("stage", stage).register(registry).record(took);
    }

    @Override
    public void transcribed(String engine, String model, Duration audio, Duration took) {
        if (audio.isZero() || audio.isNegative()) {
            return;
        }
        DistributionSummary.builder("classreflect.transcription.real.time.factor")
                .description("engine time divided by audio time, per transcription (below 1: faster than real time)")
                .tag("engine", engine).tag("model", model).register(registry)
                .record((double) took.toNanos() / audio.toNanos());
    }

    @Override
    public void analysisFinished(String outcome, Duration took) {
        Timer.builder("classreflect.analysis").description("analyses, by outcome")
                .tag("outcome", outcome).register(registry).record(took);
    }

    @Override
    public void failed(String stage, String reason) {
        Counter.builder("classreflect.failures").description("failures, by stage and reason")
                .tag("stage", stage).tag("reason", reason).register(registry).increment();
    }
}

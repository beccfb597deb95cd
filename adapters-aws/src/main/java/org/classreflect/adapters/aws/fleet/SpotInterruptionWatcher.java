package org.classreflect.adapters.aws.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataClientException;

/**
 * Polls the instance metadata for a spot interruption notice ({@code spot/instance-action}: 404 while there is none)
 * and tells the callback once, about two minutes before EC2 takes the instance back, so the worker can hand its job
 * back at once. AWS suggests polling every five seconds. Failed reads are logged and the polling goes on.
 */
public final class SpotInterruptionWatcher implements AutoCloseable {

    static final String INSTANCE_ACTION = "/latest/meta-data/spot/instance-action";
    private static final Logger log = LoggerFactory.getLogger(SpotInterruptionWatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Ec2MetadataClient imds;
    private final Duration interval;
    private final Consumer<SpotInterruption> onInterruption;
    private final AtomicBoolean told = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "spot-interruption-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public SpotInterruptionWatcher(Ec2MetadataClient imds, Duration interval, Consumer<SpotInterruption> onInterruption) {
        this.imds = imds;
        this.interval = interval;
        this.onInterruption = onInterruption;
    }

    public SpotInterruptionWatcher start() {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at the metadata: the notice, or empty when there is none. */
    public Optional<SpotInterruption> check() {
        String body;
        try {
            body = imds.get(INSTANCE_ACTION).asString();
        } catch (Ec2MetadataClientException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            JsonNode notice = JSON.readTree(body);
            return Optional.of(new SpotInterruption(notice.path("action").asText(), Instant.parse(notice.path("time").asText())));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable spot interruption notice: " + body, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void poll() {
        try {
            Optional<SpotInterruption> notice = check();
            if (notice.isPresent() && told.compareAndSet(false, true)) {
                timer.shutdown();
                log.warn("Spot interruption: the instance will {} at {}", notice.get().action(), notice.get().time());
                onInterruption.accept(notice.get());
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the spot interruption notice; will look again", e);
        }
    }
}

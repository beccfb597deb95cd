package org.classreflect.api.routes;

import io.javalin.config.EventConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.classreflect.api.http.Authenticator;
import org.classreflect.api.views.RecordingView;
import org.classreflect.core.recording.WatchRecordings;
import org.classreflect.core.school.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/recordings/events}: Server-Sent Events about the recordings the reader may see. {@code ready} once
 * subscribed (read the list after it: nothing that changes later is missed), then {@code recording} with the
 * recording's new state, or {@code deleted} with its id. One shared watcher polls the database for all clients;
 * a comment every {@link #KEEP_ALIVE} keeps proxies from closing a quiet stream. At each keep-alive the reader is
 * signed in again: a stream whose token expired, or whose user was deactivated or changed role or school, is closed
 * (the browser reconnects and is then refused or scoped anew). Clients are closed at shutdown.
 */
public final class RecordingEventRoutes {

    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(RecordingEventRoutes.class);

    private final WatchRecordings watch;
    private final Authenticator authenticator;
    private final Map<SseClient, Actor> clients = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    @Inject
    public RecordingEventRoutes(WatchRecordings watch, Authenticator authenticator) {
        this.watch = watch;
        this.authenticator = authenticator;
    }

    public void register(RoutesConfig routes, EventConfig events) {
        routes.sse("/api/recordings/events", this::connect);
        events.serverStarted(this::start);
        events.serverStopping(this::stop);
    }

    private void connect(SseClient client) {
        Actor actor = Authenticator.actor(client.ctx());
        client.keepAlive();
        clients.put(client, actor);
        WatchRecordings.Subscription subscription = watch.subscribe(actor, event -> send(client, event));
        client.onClose(() -> {
            subscription.close();
            clients.remove(client);
        });
        client.sendEvent("ready", Map.of("pollMillis", POLL_INTERVAL.toMillis()));
    }

    private static void send(SseClient client, WatchRecordings.Event event) {
        if (client.terminated()) {
            throw new IllegalStateException("the client has gone");
        }
        if (event instanceof WatchRecordings.Changed changed) {
            client.sendEvent("recording", RecordingView.of(changed.recording()));
        } else {
            client.sendEvent("deleted", Map.of("id", event.recordingId()));
        }
    }

    private synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "recording-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            watch.poll();
        } catch (RuntimeException e) {
            LOG.warn("reading recording changes failed; trying again in {} ms", POLL_INTERVAL.toMillis(), e);
        }
    }

    private void keepAlive() {
        clients.forEach((client, actor) -> {
            if (authenticator.recheck(client.ctx()).filter(actor::equals).isPresent()) {
                client.sendComment("keep-alive");
            } else {
                client.close();
            }
        });
    }

    private synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        clients.keySet().forEach(SseClient::close);
        clients.clear();
    }
}

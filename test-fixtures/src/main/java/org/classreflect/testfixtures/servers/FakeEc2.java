package org.classreflect.testfixtures.servers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An in-memory EC2 on a loopback port that speaks the EC2 Query protocol (form POST {@code Action=...}, XML answers in
 * the 2016-11-15 namespace) for DescribeInstances, StartInstances, StopInstances and CreateTags. No emulator of EC2
 * exists, so this is what the fleet adapter's tests point the SDK at with {@code endpointOverride}.
 *
 * <p>Instances change state only when asked: start moves stopped to pending, stop moves pending or running to
 * stopping, and {@link #settle()} finishes those transitions, so a test sees each state. Requests it does not
 * understand (an unknown action or filter, an unknown instance id) get EC2's XML error answer.
 */
public final class FakeEc2 implements AutoCloseable {

    private static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Map<String, Integer> STATE_CODES = Map.of(
            "pending", 0, "running", 16, "shutting-down", 32, "terminated", 48, "stopping", 64, "stopped", 80);

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final Map<String, String> startFailures = new HashMap<>();
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final HttpServer server;

    private FakeEc2() {
        server = LoopbackHttp.start(this::handle);
    }

    public static FakeEc2 start() {
        return new FakeEc2();
    }

    public URI endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** Adds a stopped instance with these tags and returns its id. */
    public synchronized String addStoppedInstance(Map<String, String> tags) {
        String id = "i-" + UUID.randomUUID().toString().replace("-", "").substring(0, 17);
        instances.put(id, new Instance(id, "stopped", Instant.EPOCH, new LinkedHashMap<>(tags)));
        return id;
    }

    /** The instance's state name, as EC2 spells it ({@code running}, {@code stopped}...). */
    public synchronized String state(String instanceId) {
        return instance(instanceId).state;
    }

    public synchronized Map<String, String> tags(String instanceId) {
        return Map.copyOf(instance(instanceId).tags);
    }

    public synchronized void setTag(String instanceId, String key, String value) {
        instance(instanceId).tags.put(key, value);
    }

    /** The next StartInstances that names this instance fails with this EC2 error code (InsufficientInstanceCapacity). */
    public synchronized void failNextStart(String instanceId, String errorCode) {
        startFailures.put(instanceId, errorCode);
    }

    /** Finishes every transition in progress: pending instances run, stopping ones stop. */
    public synchronized void settle() {
        for (Instance instance : instances.values()) {
            switch (instance.state) {
                case "pending" -> instance.state = "running";
                case "stopping" -> instance.state = "stopped";
                default -> { }
            }
        }
    }

    /** The parameters of every request received with this action, oldest first. */
    public synchronized List<Map<String, String>> requests(String action) {
        return requests.stream().filter(r -> action.equals(r.get("Action"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(LoopbackHttp.body(exchange));
        Answer answer;
        synchronized (this) {
            requests.add(params);
            answer = answer(params);
        }
        LoopbackHttp.respond(exchange, answer.status, "text/xml;charset=UTF-8", answer.xml);
    }

    private Answer answer(Map<String, String> params) {
        String action = params.getOrDefault("Action", "");
        try {
            return switch (action) {
                case "DescribeInstances" -> describeInstances(params);
                case "StartInstances" -> changeStates(action, params, "stopped", "pending");
                case "StopInstances" -> changeStates(action, params, "running", "stopping");
                case "CreateTags" -> createTags(params);
                default -> throw new Ec2Error("InvalidAction", "The action " + action + " is not valid for this web service.");
            };
        } catch (Ec2Error e) {
            return new Answer(400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + e.code
                    + "</Code><Message>" + xml(e.getMessage()) + "</Message></Error></Errors><RequestID>"
                    + UUID.randomUUID() + "</RequestID></Response>");
        }
    }

    private Answer describeInstances(Map<String, String> params) {
        Predicate<Instance> wanted = i -> true;
        for (int n = 1; params.containsKey("Filter." + n + ".Name"); n++) {
            wanted = wanted.and(filter(params.get("Filter." + n + ".Name"), indexed(params, "Filter." + n + ".Value")));
        }
        List<String> ids = indexed(params, "InstanceId");
        ids.forEach(this::instance);
        StringBuilder items = new StringBuilder();
        for (Instance instance : instances.values()) {
            if ((ids.isEmpty() || ids.contains(instance.id)) && wanted.test(instance)) {
                items.append("<item><instanceId>").append(instance.id).append("</instanceId>")
                        .append("<instanceState>").append(stateXml(instance.state)).append("</instanceState>")
                        .append("<launchTime>").append(instance.launchTime).append("</launchTime>")
                        .append("<tagSet>");
                instance.tags.forEach((key, value) -> items.append("<item><key>").append(xml(key))
                        .append("</key><value>").append(xml(value)).append("</value></item>"));
                items.append("</tagSet></item>");
            }
        }
        String reservations = items.isEmpty() ? "" : "<item><reservationId>r-fake</reservationId>"
                + "<ownerId>123456789012</ownerId><instancesSet>" + items + "</instancesSet></item>";
        return ok("DescribeInstances", "<reservationSet>" + reservations + "</reservationSet>");
    }

    private Predicate<Instance> filter(String name, List<String> values) {
        if (name.equals("instance-state-name")) {
            return i -> values.contains(i.state);
        }
        if (name.startsWith("tag:")) {
            String key = name.substring("tag:".length());
            return i -> values.contains(i.tags.get(key));
        }
        throw new Ec2Error("InvalidParameterValue", "The filter '" + name + "' is invalid");
    }

    private Answer changeStates(String action, Map<String, String> params, String from, String to) {
        List<String> ids = indexed(params, "InstanceId");
        ids.forEach(this::instance);
        for (String id : ids) {
            String failure = action.equals("StartInstances") ? startFailures.remove(id) : null;
            if (failure != null) {
                throw new Ec2Error(failure, "There is no capacity for instance " + id);
            }
        }
        StringBuilder items = new StringBuilder();
        for (String id : ids) {
            Instance instance = instances.get(id);
            String previous = instance.state;
            boolean moves = previous.equals(from) || (to.equals("stopping") && previous.equals("pending"));
            if (moves) {
                instance.state = to;
                if (to.equals("pending")) {
                    instance.launchTime = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                }
            }
            items.append("<item><instanceId>").append(id).append("</instanceId><currentState>")
                    .append(stateXml(instance.state)).append("</currentState><previousState>")
                    .append(stateXml(previous)).append("</previousState></item>");
        }
        return ok(action, "<instancesSet>" + items + "</instancesSet>");
    }

    private Answer createTags(Map<String, String> params) {
        List<String> ids = indexed(params, "ResourceId");
        ids.forEach(this::instance);
        for (int n = 1; params.containsKey("Tag." + n + ".Key"); n++) {
            String key = params.get("Tag." + n + ".Key");
            String value = params.getOrDefault("Tag." + n + ".Value", "");
            ids.forEach(id -> instances.get(id).tags.put(key, value));
        }
        return ok("CreateTags", "<return>true</return>");
    }

    private Instance instance(String id) {
        Instance instance = instances.get(id);
        if (instance == null) {
            throw new Ec2Error("InvalidInstanceID.NotFound", "The instance ID '" + id + "' does not exist");
        }
        return instance;
    }

    private static Answer ok(String action, String content) {
        return new Answer(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + action + "Response xmlns=\"" + NAMESPACE
                + "\"><requestId>" + UUID.randomUUID() + "</requestId>" + content + "</" + action + "Response>");
    }

    private static String stateXml(String state) {
        return "<code>" + STATE_CODES.get(state) + "</code><name>" + state + "</name>";
    }

    /** The values of {@code prefix.1}, {@code prefix.2}... (how the Query protocol flattens a list). */
    private static List<String> indexed(Map<String, String> params, String prefix) {
        List<String> values = new ArrayList<>();
        for (int n = 1; params.containsKey(prefix + "." + n); n++) {
            values.add(params.get(prefix + "." + n));
        }
        return values;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class Instance {
        final String id;
        String state;
        Instant launchTime;
        final Map<String, String> tags;

        Instance(String id, String state, Instant launchTime, Map<String, String> tags) {
            this.id = id;
            this.state = state;
            this.launchTime = launchTime;
            this.tags = tags;
        }
    }

    private record Answer(int status, String xml) {
    }

    private static final class Ec2Error extends RuntimeException {
        final String code;

        Ec2Error(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}

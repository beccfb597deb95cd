package org.classreflect.testfixtures.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory ECS on a loopback port that speaks the JSON 1.1 protocol ({@code X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.RunTask} and so on) for RunTask, ListTasks, DescribeTasks, StopTask and
 * TagResource, enough for a Fargate worker fleet. No emulator of ECS exists.
 *
 * <p>A task runs through PROVISIONING (after RunTask) and DEACTIVATING (after StopTask); {@link #settle()} finishes
 * those transitions. {@link #capacity(int)} limits how many tasks may be alive at once: RunTask beyond it answers
 * with a failure, as Fargate does when it has no capacity. Unknown tasks get ECS's InvalidParameterException.
 * It also serves each task's metadata endpoint (version 4), which ECS gives a container in
 * {@code ECS_CONTAINER_METADATA_URI_V4}, so a worker can learn its own task ARN.
 */
public final class FakeEcs implements AutoCloseable {

    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final String ARN_PREFIX = "arn:aws:ecs:eu-west-1:123456789012:";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final HttpServer server;
    private int capacity = Integer.MAX_VALUE;

    private FakeEcs() {
        server = LoopbackHttp.start(this::handle);
    }

    public static FakeEcs start() {
        return new FakeEcs();
    }

    public URI endpoint() {
        return LoopbackHttp.endpoint(server);
    }

    /** At most this many tasks (not yet stopped) at once. */
    public synchronized void capacity(int tasks) {
        capacity = tasks;
    }

    /** Adds a running task of another service, as if someone else had started it; returns its ARN. */
    public synchronized String addRunningTask(String cluster, String family) {
        Task task = newTask(cluster, family);
        task.lastStatus = "RUNNING";
        task.startedAt = now();
        return task.arn;
    }

    /** Finishes every transition in progress: provisioning tasks run, stopping ones stop. */
    public synchronized void settle() {
        for (Task task : tasks.values()) {
            if (task.lastStatus.equals("PROVISIONING")) {
                task.lastStatus = "RUNNING";
                task.startedAt = now();
            } else if (task.lastStatus.equals("DEACTIVATING")) {
                task.lastStatus = "STOPPED";
            }
        }
    }

    public synchronized String lastStatus(String taskArn) {
        return task(taskArn).lastStatus;
    }

    public synchronized Map<String, String> tags(String taskArn) {
        return Map.copyOf(task(taskArn).tags);
    }

    /** What ECS would put in {@code ECS_CONTAINER_METADATA_URI_V4} for a container of this task. */
    public synchronized URI containerMetadataUri(String taskArn) {
        return URI.create(endpoint() + "/v4/" + taskId(task(taskArn).arn));
    }

    /** The JSON bodies of every request received for this operation ({@code RunTask}...), oldest first. */
    public synchronized List<JsonNode> requests(String operation) {
        return requests.stream().filter(r -> r.operation.equals(operation)).map(Request::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            taskMetadata(exchange);
            return;
        }
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        JsonNode body = json.readTree(LoopbackHttp.body(exchange));
        int status = 200;
        JsonNode answer;
        synchronized (this) {
            requests.add(new Request(operation, body));
            try {
                answer = answer(operation, body);
            } catch (EcsError e) {
                status = 400;
                answer = json.createObjectNode().put("__type", e.type).put("message", e.getMessage());
            }
        }
        LoopbackHttp.respond(exchange, status, "application/x-amz-json-1.1", json.writeValueAsString(answer));
    }

    private void taskMetadata(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Task task;
        synchronized (this) {
            task = tasks.values().stream().filter(t -> path.equals("/v4/" + taskId(t.arn) + "/task")).findFirst().orElse(null);
        }
        if (task == null) {
            LoopbackHttp.respond(exchange, 404, "text/plain", "");
            return;
        }
        ObjectNode metadata = json.createObjectNode()
                .put("Cluster", ARN_PREFIX + "cluster/" + clusterName(task.cluster))
                .put("TaskARN", task.arn)
                .put("Family", task.family)
                .put("LaunchType", "FARGATE");
        LoopbackHttp.respond(exchange, 200, "application/json", json.writeValueAsString(metadata));
    }

    private JsonNode answer(String operation, JsonNode body) {
        return switch (operation) {
            case "RunTask" -> runTask(body);
            case "ListTasks" -> listTasks(body);
            case "DescribeTasks" -> describeTasks(body);
            case "StopTask" -> stopTask(body);
            case "TagResource" -> tagResource(body);
            default -> throw new EcsError("UnknownOperationException", "unknown operation " + operation);
        };
    }

    private JsonNode runTask(JsonNode body) {
        if (!"FARGATE".equals(body.path("launchType").asText())) {
            throw new EcsError("InvalidParameterException", "this fake only runs Fargate tasks");
        }
        if (!body.path("networkConfiguration").has("awsvpcConfiguration")) {
            throw new EcsError("InvalidParameterException", "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode started = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        String family = family(body.path("taskDefinition").asText());
        for (int n = 0; n < body.path("count").asInt(1); n++) {
            if (alive() >= capacity) {
                failures.addObject().put("reason", "Capacity is unavailable at this time. Please try again later or in a different availability zone");
            } else {
                started.add(taskJson(newTask(cluster(body), family), false));
            }
        }
        return answer;
    }

    private JsonNode listTasks(JsonNode body) {
        String cluster = cluster(body);
        String family = body.path("family").asText(null);
        String desired = body.path("desiredStatus").asText("RUNNING");
        ObjectNode answer = json.createObjectNode();
        ArrayNode arns = answer.putArray("taskArns");
        for (Task task : tasks.values()) {
            if (task.cluster.equals(cluster) && task.desiredStatus.equals(desired)
                    && (family == null || task.family.equals(family))) {
                arns.add(task.arn);
            }
        }
        return answer;
    }

    private JsonNode describeTasks(JsonNode body) {
        boolean withTags = body.path("include").toString().contains("TAGS");
        ObjectNode answer = json.createObjectNode();
        ArrayNode found = answer.putArray("tasks");
        ArrayNode failures = answer.putArray("failures");
        for (JsonNode arn : body.path("tasks")) {
            Task task = tasks.get(arn.asText());
            if (task == null || !task.cluster.equals(cluster(body))) {
                failures.addObject().put("arn", arn.asText()).put("reason", "MISSING");
            } else {
                found.add(taskJson(task, withTags));
            }
        }
        return answer;
    }

    private JsonNode stopTask(JsonNode body) {
        Task task = task(body.path("task").asText());
        if (!task.lastStatus.equals("STOPPED")) {
            task.desiredStatus = "STOPPED";
            task.lastStatus = "DEACTIVATING";
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("task", taskJson(task, false));
        return answer;
    }

    private JsonNode tagResource(JsonNode body) {
        Task task = task(body.path("resourceArn").asText());
        for (JsonNode tag : body.path("tags")) {
            task.tags.put(tag.path("key").asText(), tag.path("value").asText(""));
        }
        return json.createObjectNode();
    }

    private Task newTask(String cluster, String family) {
        String arn = ARN_PREFIX + "task/" + clusterName(cluster) + "/" + UUID.randomUUID().toString().replace("-", "");
        Task task = new Task(arn, cluster, family, now());
        tasks.put(arn, task);
        return task;
    }

    private long alive() {
        return tasks.values().stream().filter(t -> !t.lastStatus.equals("STOPPED")).count();
    }

    private Task task(String arn) {
        Task task = tasks.get(arn);
        if (task == null) {
            throw new EcsError("InvalidParameterException", "The referenced task was not found.");
        }
        return task;
    }

    private ObjectNode taskJson(Task task, boolean withTags) {
        ObjectNode node = json.createObjectNode()
                .put("taskArn", task.arn)
                .put("clusterArn", ARN_PREFIX + "cluster/" + clusterName(task.cluster))
                .put("taskDefinitionArn", ARN_PREFIX + "task-definition/" + task.family + ":1")
                .put("launchType", "FARGATE")
                .put("lastStatus", task.lastStatus)
                .put("desiredStatus", task.desiredStatus)
                .put("createdAt", epochSeconds(task.createdAt));
        if (task.startedAt != null) {
            node.put("startedAt", epochSeconds(task.startedAt));
        }
        if (withTags) {
            ArrayNode tags = node.putArray("tags");
            task.tags.forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
        }
        return node;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** JSON 1.1 sends timestamps as epoch seconds with a fraction. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static String cluster(JsonNode body) {
        return body.path("cluster").asText("default");
    }

    private static String taskId(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String clusterName(String cluster) {
        return cluster.substring(cluster.lastIndexOf('/') + 1);
    }

    /** {@code family}, {@code family:3} or a task definition ARN, down to the family. */
    private static String family(String taskDefinition) {
        String name = taskDefinition.substring(taskDefinition.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static final class Task {
        final String arn;
        final String cluster;
        final String family;
        final Instant createdAt;
        final Map<String, String> tags = new LinkedHashMap<>();
        String lastStatus = "PROVISIONING";
        String desiredStatus = "RUNNING";
        Instant startedAt;

        Task(String arn, String cluster, String family, Instant createdAt) {
            this.arn = arn;
            this.cluster = cluster;
            this.family = family;
            this.createdAt = createdAt;
        }
    }

    private record Request(String operation, JsonNode body) {
    }

    private static final class EcsError extends RuntimeException {
        final String type;

        EcsError(String type, String message) {
            super(message);
            this.type = type;
        }
    }
}

package org.classreflect.adapters.aws.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.classreflect.core.queue.Job;

/**
 * The body of a job message, versioned so that workers of one release can tell a message of another apart:
 * {@code {"v":1,"recordingId":"...","requestId":"..."}}, the request id optional (earlier workers ignore it). A body that is not such a message is refused with the reason, never guessed at.
 */
final class JobMessage {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a body turned out to be: a job, or the reason it is not one. */
    record Parsed(Optional<Job> job, String problem) {
    }

    private JobMessage() {
    }

    static String write(Job job) {
        ObjectNode message = JSON.createObjectNode().put("v", VERSION).put("recordingId", job.recordingId());
        if (job.requestId() != null) {
            message.put("requestId", job.requestId());
        }
        return message.toString();
    }

    static Parsed read(String body) {
        JsonNode node;
        try {
            node = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return refused("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return refused("the body is not a JSON object");
        }
        if (!node.path("v").isInt() || node.get("v").intValue() != VERSION) {
            return refused("unknown message version " + node.path("v") + " (this worker reads version " + VERSION
                    + ")");
        }
        JsonNode id = node.path("recordingId");
        if (!id.isTextual() || id.asText().isBlank()) {
            return refused("the message names no recordingId");
        }
        JsonNode requestId = node.path("requestId");
        return new Parsed(Optional.of(new Job(id.asText(), requestId.isTextual() ? requestId.asText() : null)), null);
    }

    private static Parsed refused(String problem) {
        return new Parsed(Optional.empty(), problem);
    }
}

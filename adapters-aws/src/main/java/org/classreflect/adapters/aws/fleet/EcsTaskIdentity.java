package org.classreflect.adapters.aws.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Which ECS task this container runs in, from the task metadata endpoint (version 4) that ECS names in the container's
 * {@code ECS_CONTAINER_METADATA_URI_V4}. A Fargate worker needs its task ARN to report its activity to the fleet.
 */
public final class EcsTaskIdentity {

    public static final String METADATA_URI_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI metadataUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public EcsTaskIdentity(URI metadataUri) {
        this.metadataUri = metadataUri;
    }

    /** The identity of the task this process runs in; fails outside ECS, where the variable is not set. */
    public static EcsTaskIdentity fromEnvironment() {
        String uri = System.getenv(METADATA_URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException(METADATA_URI_VARIABLE + " is not set: this process does not run in an ECS task");
        }
        return new EcsTaskIdentity(URI.create(uri));
    }

    public String taskArn() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(metadataUri + "/task")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("task metadata answered " + response.statusCode());
            }
            JsonNode task = JSON.readTree(response.body());
            return task.path("TaskARN").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the task metadata", e);
        }
    }
}

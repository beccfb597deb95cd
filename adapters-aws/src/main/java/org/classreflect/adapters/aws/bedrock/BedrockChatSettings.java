package org.classreflect.adapters.aws.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.classreflect.core.rubric.ChatRetrySettings;

/**
 * Which Bedrock model to ask, and how.
 *
 * @param region   the AWS region; empty means the SDK's default region chain ({@code AWS_REGION}, profile, ...)
 * @param endpoint an endpoint to use instead of the region's (a VPC endpoint, or a test server)
 * @param modelId  a model id or inference profile, e.g. {@code anthropic.claude-3-5-haiku-20241022-v1:0}
 * @param timeout  how long one request may take
 * @param retries  how timeouts, throttling and server errors are retried
 */
public record BedrockChatSettings(Optional<String> region, Optional<URI> endpoint, String modelId, Duration timeout,
                                  ChatRetrySettings retries) {

    public BedrockChatSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retries, "retries");
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("a Bedrock model id is needed");
        }
    }
}

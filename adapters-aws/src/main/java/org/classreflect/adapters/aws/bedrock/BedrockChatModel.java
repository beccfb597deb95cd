package org.classreflect.adapters.aws.bedrock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.classreflect.core.rubric.ChatRetries;
import org.classreflect.core.rubric.ChatMessage;
import org.classreflect.core.rubric.ChatModel;
import org.classreflect.core.rubric.ChatModelException;
import org.classreflect.core.rubric.TransientChatModelException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * A chat model on Amazon Bedrock through the Converse API, which speaks one request shape for every model family.
 * The SDK's own retries are off so that {@link ChatRetries} handles timeouts, throttling (429) and server errors the
 * same way as for the other chat adapters; any other refusal fails at once with Bedrock's message.
 */
public final class BedrockChatModel implements ChatModel, AutoCloseable {

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final ChatRetries retries;
    private final Clock clock = Clock.systemUTC();

    public BedrockChatModel(BedrockChatSettings settings, AwsCredentialsProvider credentials) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(settings.timeout()))
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(settings.timeout())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.region().map(Region::of).ifPresent(builder::region);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.client = builder.build();
        this.modelId = settings.modelId();
        this.retries = new ChatRetries(settings.retries());
    }

    /** With the SDK's default credentials chain (environment, profile, instance or task role). */
    public static BedrockChatModel withDefaultCredentials(BedrockChatSettings settings) {
        return new BedrockChatModel(settings, DefaultCredentialsProvider.builder().build());
    }

    @Override
    public String complete(List<ChatMessage> messages) throws ChatModelException {
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            switch (m.role()) {
                case SYSTEM -> system.add(SystemContentBlock.fromText(m.content()));
                case USER -> turns.add(turn(ConversationRole.USER, m.content()));
                case ASSISTANT -> turns.add(turn(ConversationRole.ASSISTANT, m.content()));
            }
        }
        ConverseRequest request = ConverseRequest.builder().modelId(modelId).system(system).messages(turns).build();
        return retries.call(() -> send(request));
    }

    private static Message turn(ConversationRole role, String text) {
        return Message.builder().role(role).content(ContentBlock.fromText(text)).build();
    }

    private String send(ConverseRequest request) throws ChatModelException {
        ConverseResponse response;
        try {
            response = client.converse(request);
        } catch (AwsServiceException e) {
            int status = e.statusCode();
            String problem = "Bedrock answered HTTP " + status + " " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
            if (status == 408 || status == 429 || status >= 500) {
                String retryAfter = e.awsErrorDetails().sdkHttpResponse() == null ? null
                        : e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null);
                throw new TransientChatModelException(problem,
                        TransientChatModelException.parseRetryAfter(retryAfter, clock.instant()));
            }
            throw new ChatModelException(problem);
        } catch (SdkClientException e) {
            throw new TransientChatModelException("no answer from Bedrock: " + e.getMessage(), e);
        }
        String text = response.output() == null || response.output().message() == null ? ""
                : response.output().message().content().stream().map(ContentBlock::text).filter(Objects::nonNull)
                        .collect(Collectors.joining());
        if (text.isEmpty()) {
            throw new ChatModelException("Bedrock's answer has no text (stop reason " + response.stopReasonAsString()
                    + ")");
        }
        return text;
    }

    @Override
    public void close() {
        client.close();
    }
}

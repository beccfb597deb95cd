package org.classreflect.testfixtures.servers;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An in-process SQS (ElasticMQ) on a free loopback port, started once per JVM. Visibility timeouts, receive counts,
 * change of visibility and redrive to a dead-letter queue behave as in SQS. It does not check signatures.
 */
public final class ElasticMqServer {

    /** A main queue whose messages move to {@code deadLetterQueueUrl} after {@code maxReceives} receives. */
    public record QueuePair(String queueUrl, String deadLetterQueueUrl) {
    }

    private static ElasticMqServer shared;

    private final URI endpoint;
    private final SqsClient admin;

    private ElasticMqServer(URI endpoint) {
        this.endpoint = endpoint;
        this.admin = SqsClient.builder().endpointOverride(endpoint).region(Region.of(S3ProxyServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    public static synchronized ElasticMqServer shared() {
        if (shared == null) {
            SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
            int port = server.waitUntilStarted().localAddress().getPort();
            shared = new ElasticMqServer(URI.create("http://127.0.0.1:" + port));
        }
        return shared;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates {@code name} and {@code name-dlq}, the first redriving to the second after {@code maxReceives}. */
    public QueuePair createQueueWithDeadLetterQueue(String name, int maxReceives) {
        String dlqUrl = admin.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = admin.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"maxReceiveCount\":\"" + maxReceives + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}";
        String queueUrl = admin.createQueue(b -> b.queueName(name)
                .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new QueuePair(queueUrl, dlqUrl);
    }

    /** A client for looking at queues directly (the dead-letter queue's messages, for instance). */
    public SqsClient admin() {
        return admin;
    }
}

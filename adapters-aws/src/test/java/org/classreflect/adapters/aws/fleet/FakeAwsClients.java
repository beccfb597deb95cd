package org.classreflect.adapters.aws.fleet;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.imds.Ec2MetadataClient;
import software.amazon.awssdk.imds.Ec2MetadataRetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/** SDK clients pointed at the fake endpoints, with static fake credentials and no retries to slow a failing test. */
final class FakeAwsClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("fake-access-key", "fake-secret-key"));

    private FakeAwsClients() {
    }

    static Ec2Client ec2(URI endpoint) {
        return Ec2Client.builder().region(Region.EU_WEST_1).endpointOverride(endpoint).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    static EcsClient ecs(URI endpoint) {
        return EcsClient.builder().region(Region.EU_WEST_1).endpointOverride(endpoint).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    static Ec2MetadataClient imds(URI endpoint) {
        return Ec2MetadataClient.builder().endpoint(endpoint)
                .retryPolicy(Ec2MetadataRetryPolicy.builder().numRetries(0).build()).build();
    }
}

package org.classreflect.adapters.aws;

import java.net.URI;
import org.classreflect.testfixtures.servers.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the in-process servers, signed with the credentials S3Proxy checks. */
public final class TestAws {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
    private static final Region REGION = Region.of(S3ProxyServer.REGION);

    private TestAws() {
    }

    public static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(REGION)
                .credentialsProvider(CREDENTIALS).build();
    }

    public static S3Presigner presigner(URI endpoint) {
        return S3Presigner.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(CREDENTIALS).build();
    }

    public static SecretsManagerClient secretsManager(URI endpoint) {
        return SecretsManagerClient.builder().endpointOverride(endpoint).region(REGION)
                .credentialsProvider(CREDENTIALS).build();
    }
}

package org.classreflect.adapters.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of one process, made on first use and closed together. Credentials come from the SDK's default
 * chain (environment, system properties, the ECS task role, the EC2 instance profile), and so does the region unless
 * one is given. An endpoint override sends a service's calls elsewhere (a local emulator in tests); S3 then uses
 * path-style addresses.
 */
public final class AwsClients implements AutoCloseable {

    /** Where each service is reached; empty means AWS's own endpoint for the region. */
    public record Endpoints(Optional<URI> s3, Optional<URI> sqs, Optional<URI> secretsManager) {

        public static final Endpoints AWS = new Endpoints(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private final Optional<String> configuredRegion;
    private final Endpoints endpoints;
    private Region region;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private S3Client s3;
    private S3Presigner presigner;
    private SqsClient sqs;
    private SecretsManagerClient secretsManager;

    public AwsClients(Optional<String> region, Endpoints endpoints) {
        this.configuredRegion = region;
        this.endpoints = endpoints;
    }

    /** Looked up on first use only: a process in local mode never asks, so never waits on instance metadata. */
    /** The configured region, or the SDK's default chain (AWS_REGION, the profile, instance metadata). */
    public static Region resolveRegion(Optional<String> configured) {
        return configured.map(Region::of).orElseGet(() -> DefaultAwsRegionProviderChain.builder().build().getRegion());
    }

    private Region region() {
        if (region == null) {
            region = resolveRegion(configuredRegion);
        }
        return region;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder().region(region()).httpClient(httpClient())
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            endpoints.s3().ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
            s3 = track(builder.build());
        }
        return s3;
    }

    public synchronized S3Presigner s3Presigner() {
        if (presigner == null) {
            var builder = S3Presigner.builder().region(region())
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            endpoints.s3().ifPresent(uri -> builder.endpointOverride(uri)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
            presigner = track(builder.build());
        }
        return presigner;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            var builder = SqsClient.builder().region(region()).httpClient(httpClient())
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            endpoints.sqs().ifPresent(builder::endpointOverride);
            sqs = track(builder.build());
        }
        return sqs;
    }

    public synchronized SecretsManagerClient secretsManager() {
        if (secretsManager == null) {
            var builder = SecretsManagerClient.builder().region(region()).httpClient(httpClient())
                    .credentialsProvider(DefaultCredentialsProvider.builder().build());
            endpoints.secretsManager().ifPresent(builder::endpointOverride);
            secretsManager = track(builder.build());
        }
        return secretsManager;
    }

    /** A client of its own per service; the defaults (50 connections) cover a worker's long polls and heartbeats. */
    private SdkHttpClient httpClient() {
        return track(ApacheHttpClient.builder().build());
    }

    private <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // closing is best effort: the process is going away
            }
        }
        opened.clear();
        s3 = null;
        presigner = null;
        sqs = null;
        secretsManager = null;
    }
}

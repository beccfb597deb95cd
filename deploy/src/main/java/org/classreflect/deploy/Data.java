package org.classreflect.deploy;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.CredentialsFromUsernameOptions;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * What the product keeps: Aurora MySQL Serverless v2 with its generated credentials, the token signing key and the
 * first super admin's password in Secrets Manager, the audio bucket, and the job queue with its dead-letter queue.
 */
final class Data extends Construct {

    /** Key prefix of the audio objects (CLASSREFLECT_S3_PREFIX); the IAM policies are scoped to it. */
    static final String AUDIO_PREFIX = "audio/";
    /** The worker's CLASSREFLECT_WORKER_MAX_ATTEMPTS (default 3): the queue redrives after one more receive. */
    static final int WORKER_MAX_ATTEMPTS = 3;
    /** Longest audio retention a school may choose (CLASSREFLECT_AUDIO_RETENTION_MAX, default 30d). */
    static final int AUDIO_RETENTION_MAX_DAYS = 30;

    final DatabaseCluster database;
    final Secret tokenKey;
    final Secret adminPassword;
    final Bucket audio;
    final Queue jobs;
    final Queue deadLetters;

    Data(Construct scope, String id, Vpc vpc, DeploymentChoices choices, StackParameters parameters) {
        super(scope, id);
        database = DatabaseCluster.Builder.create(this, "Aurora")
                .engine(DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                        .version(AuroraMysqlEngineVersion.VER_3_10_1).build()))
                .credentials(Credentials.fromGeneratedSecret("classreflect", CredentialsFromUsernameOptions.builder()
                        .secretName("classreflect/db").build()))
                .defaultDatabaseName("classreflect")
                .writer(ClusterInstance.serverlessV2("writer"))
                .serverlessV2MinCapacity(choices.auroraMinCapacity())
                .serverlessV2MaxCapacity(choices.auroraMaxCapacity())
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build())
                .storageEncrypted(true)
                .backup(BackupProps.builder().retention(Duration.days(7)).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();

        // 64 letters and digits are valid base64 for 48 bytes: the key shape CLASSREFLECT_TOKEN_KEY_SECRET_ID reads.
        tokenKey = Secret.Builder.create(this, "TokenKey").secretName("classreflect/token-key")
                .description("Signs ClassReflect access tokens; rotating it signs everyone out")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(64).excludePunctuation(true)
                        .includeSpace(false).build())
                .build();
        adminPassword = Secret.Builder.create(this, "AdminPassword").secretName("classreflect/admin-password")
                .description("Password of the first super admin, used only while no super admin exists")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(32).excludePunctuation(true)
                        .includeSpace(false).build())
                .build();

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        audio = Bucket.Builder.create(this, "Audio")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("audio-bucket/")
                .cors(List.of(CorsRule.builder()
                        .allowedOrigins(List.of(parameters.appOrigin.getValueAsString()))
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET))
                        .allowedHeaders(List.of("content-type", "x-amz-server-side-encryption",
                                "x-amz-server-side-encryption-aws-kms-key-id"))
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3000).build()))
                .lifecycleRules(List.of(
                        LifecycleRule.builder().id("abort-incomplete-uploads").prefix(AUDIO_PREFIX)
                                .abortIncompleteMultipartUploadAfter(Duration.days(1)).build(),
                        // The retention task deletes audio first; this only catches what it missed.
                        LifecycleRule.builder().id("safety-net-expiry").prefix(AUDIO_PREFIX)
                                .expiration(Duration.days(AUDIO_RETENTION_MAX_DAYS + 15)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        deadLetters = Queue.Builder.create(this, "DeadLetters").queueName("classreflect-jobs-dlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        jobs = Queue.Builder.create(this, "Jobs").queueName("classreflect-jobs")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .visibilityTimeout(Duration.minutes(10))
                .receiveMessageWaitTime(Duration.seconds(20))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters)
                        .maxReceiveCount(WORKER_MAX_ATTEMPTS + 1).build())
                .build();
    }
}

package org.classreflect.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Aws;

/** The settings (README's CLASSREFLECT_* table) that every process of the deployment shares. */
final class AppEnvironment {

    private AppEnvironment() {
    }

    /** AWS mode with this stack's bucket, queues and secrets. */
    static Map<String, String> awsMode(Data data) {
        Map<String, String> env = new LinkedHashMap<>(queueOnly(data));
        env.put("CLASSREFLECT_S3_BUCKET", data.audio.getBucketName());
        env.put("CLASSREFLECT_S3_PREFIX", Data.AUDIO_PREFIX);
        env.put("CLASSREFLECT_DB_SECRET_ID", data.database.getSecret().getSecretArn());
        env.put("CLASSREFLECT_TOKEN_KEY_SECRET_ID", data.tokenKey.getSecretArn());
        return env;
    }

    /** What the scaler needs: the region and the queues (it reads their depth, nothing else). */
    static Map<String, String> queueOnly(Data data) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLASSREFLECT_MODE", "aws");
        env.put("CLASSREFLECT_AWS_REGION", Aws.REGION);
        env.put("CLASSREFLECT_SQS_QUEUE_URL", data.jobs.getQueueUrl());
        env.put("CLASSREFLECT_SQS_DLQ_URL", data.deadLetters.getQueueUrl());
        return env;
    }
}

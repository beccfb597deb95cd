package org.classreflect.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * The IAM policies of docs/deployment-aws.md and docs/fleets.md, one per kind of process; each statement there is
 * one here with the same Sid. Nothing grants a {@code *} action, and {@code *} resources appear only where the
 * service has no resource-level permissions ({@code ec2:DescribeInstances}).
 */
final class Permissions {

    static final String POOL_TAG_KEY = "classreflect:role";
    static final String POOL_TAG_VALUE = "worker";
    static final List<String> ACTIVITY_TAGS = List.of("classreflect:busy", "classreflect:idle-since");

    private Permissions() {
    }

    /** The API's task role: audio in and out, jobs queued, secrets read. */
    static PolicyDocument api(Data data) {
        return PolicyDocument.Builder.create().statements(List.of(
                allow("Audio", List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                        List.of(audioObjects(data))),
                audioLookups(data),
                allow("Jobs", List.of("sqs:SendMessage", "sqs:GetQueueAttributes"),
                        List.of(data.jobs.getQueueArn(), data.deadLetters.getQueueArn())),
                secrets(data))).build();
    }

    /** A worker's task role or instance profile: audio read (and deleted by retention), jobs taken, dead letters. */
    static PolicyDocument worker(Data data) {
        return PolicyDocument.Builder.create().statements(List.of(
                allow("Audio", List.of("s3:GetObject", "s3:DeleteObject"), List.of(audioObjects(data))),
                audioLookups(data),
                allow("Jobs", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                        "sqs:GetQueueAttributes"), List.of(data.jobs.getQueueArn())),
                allow("DeadLetters", List.of("sqs:SendMessage", "sqs:GetQueueAttributes"),
                        List.of(data.deadLetters.getQueueArn())),
                secrets(data))).build();
    }

    /**
     * An EC2 worker tags its instance with its activity and stops it when idle; like the scaler, it can do so only
     * on instances of the pool (IAM cannot name "the calling instance" for these actions).
     */
    static List<PolicyStatement> ec2WorkerSelf() {
        return List.of(startStopPool("StopPool", List.of("ec2:StopInstances")), tagPool());
    }

    /** A Fargate worker tags its own task with its activity. */
    static PolicyStatement ecsWorkerSelf(String clusterName) {
        return PolicyStatement.Builder.create().sid("OwnTask").effect(Effect.ALLOW)
                .actions(List.of("ecs:TagResource"))
                .resources(List.of(clusterTasks(clusterName)))
                .conditions(Map.of("ForAllValues:StringEquals", Map.of("aws:TagKeys", ACTIVITY_TAGS)))
                .build();
    }

    /** The scaler reads the queue depth. */
    static PolicyStatement queueDepth(Data data) {
        return allow("QueueDepth", List.of("sqs:GetQueueAttributes"),
                List.of(data.jobs.getQueueArn(), data.deadLetters.getQueueArn()));
    }

    /** The scaler of an EC2 pool: sees every instance, starts, stops and tags only the pool's. */
    static List<PolicyStatement> ec2Scaler() {
        return List.of(allow("SeeInstances", List.of("ec2:DescribeInstances"), List.of("*")),
                startStopPool("StartStopPool", List.of("ec2:StartInstances", "ec2:StopInstances")), tagPool());
    }

    private static PolicyStatement startStopPool(String sid, List<String> actions) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW)
                .actions(actions)
                .resources(List.of(poolInstances()))
                .conditions(Map.of("StringEquals", Map.of("ec2:ResourceTag/" + POOL_TAG_KEY, POOL_TAG_VALUE)))
                .build();
    }

    private static PolicyStatement tagPool() {
        return PolicyStatement.Builder.create().sid("TagPool").effect(Effect.ALLOW)
                .actions(List.of("ec2:CreateTags"))
                .resources(List.of(poolInstances()))
                .conditions(Map.of(
                        "StringEquals", Map.of("ec2:ResourceTag/" + POOL_TAG_KEY, POOL_TAG_VALUE),
                        "ForAllValues:StringEquals", Map.of("aws:TagKeys", ACTIVITY_TAGS)))
                .build();
    }

    /** The scaler of Fargate workers: runs the worker task definition, lists, describes and stops its tasks. */
    static List<PolicyStatement> ecsScaler(String clusterName, String clusterArn, String taskFamily,
            List<Role> passedRoles) {
        return List.of(
                allow("RunWorkers", List.of("ecs:RunTask"), List.of(Fn.join("", List.of("arn:", Aws.PARTITION,
                        ":ecs:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":task-definition/", taskFamily, ":*")))),
                PolicyStatement.Builder.create().sid("ListWorkers").effect(Effect.ALLOW)
                        .actions(List.of("ecs:ListTasks")).resources(List.of("*"))
                        .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", clusterArn))).build(),
                allow("WatchWorkers", List.of("ecs:DescribeTasks", "ecs:StopTask"),
                        List.of(clusterTasks(clusterName))),
                PolicyStatement.Builder.create().sid("PassWorkerRoles").effect(Effect.ALLOW)
                        .actions(List.of("iam:PassRole"))
                        .resources(passedRoles.stream().map(Role::getRoleArn).toList())
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com")))
                        .build());
    }

    private static PolicyStatement audioLookups(Data data) {
        return PolicyStatement.Builder.create().sid("AudioLookups").effect(Effect.ALLOW)
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(data.audio.getBucketArn()))
                .conditions(Map.of("StringLike", Map.of("s3:prefix", Data.AUDIO_PREFIX + "*")))
                .build();
    }

    private static PolicyStatement secrets(Data data) {
        return allow("Secrets", List.of("secretsmanager:GetSecretValue"),
                List.of(data.database.getSecret().getSecretArn(), data.tokenKey.getSecretArn()));
    }

    private static String audioObjects(Data data) {
        return data.audio.arnForObjects(Data.AUDIO_PREFIX + "*");
    }

    private static String poolInstances() {
        return Fn.join("", List.of("arn:", Aws.PARTITION, ":ec2:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":instance/*"));
    }

    private static String clusterTasks(String clusterName) {
        return Fn.join("", List.of("arn:", Aws.PARTITION, ":ecs:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":task/",
                clusterName, "/*"));
    }

    private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.ALLOW).actions(actions).resources(resources)
                .build();
    }
}

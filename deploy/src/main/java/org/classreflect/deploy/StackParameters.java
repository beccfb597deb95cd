package org.classreflect.deploy;

import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;

/** The stack's CloudFormation parameters: what an operator sets at each deploy without synthesising again. */
final class StackParameters {

    final CfnParameter imageTag;
    final CfnParameter certificateArn;
    final CfnParameter appOrigin;
    final CfnParameter adminEmail;
    final CfnParameter alarmEmail;
    final CfnParameter monthlyBudget;
    final CfnParameter apiMinTasks;
    final CfnParameter apiMaxTasks;
    final CfnParameter maxWorkers;
    final CfnParameter whisperModel;
    final CfnParameter modelsUrl;
    final CfnParameter oldestJobAlarmSeconds;

    StackParameters(Stack stack) {
        imageTag = text(stack, "ImageTag", "Tag of the classreflect-api and classreflect-worker images in their ECR "
                + "repositories (push them first; see docs/deployment-aws.md)", "latest");
        certificateArn = text(stack, "CertificateArn", "ACM certificate ARN for the load balancer's HTTPS listener",
                null);
        appOrigin = text(stack, "AppOrigin", "Address the web app is served from, e.g. https://classreflect.example.org "
                + "(allowed by the audio bucket's CORS rule for direct uploads)", null);
        adminEmail = text(stack, "AdminEmail", "Email of the first super admin (its password is generated into the "
                + "secret classreflect/admin-password)", null);
        alarmEmail = text(stack, "AlarmEmail", "Email that receives the alarms and the budget alert", null);
        monthlyBudget = number(stack, "MonthlyBudgetUsd", "Monthly AWS budget in USD; an alert is sent at 80 %", 400,
                1);
        apiMinTasks = number(stack, "ApiMinTasks", "Fewest API tasks (2 keeps the API up through a zone outage)", 2,
                1);
        apiMaxTasks = number(stack, "ApiMaxTasks", "Most API tasks target tracking may run", 6, 1);
        maxWorkers = number(stack, "MaxWorkers", "Most workers the scaler runs at once (CLASSREFLECT_SCALE_MAX_WORKERS; "
                + "an EC2 pool also holds no more than ec2PoolSize)", 10, 0);
        whisperModel = text(stack, "WhisperModel", "Whisper model the workers fetch at start (`models list`)",
                "base.en");
        modelsUrl = text(stack, "ModelsUrl", "Where workers fetch ggml-<model>.bin from (CLASSREFLECT_MODELS_URL): the "
                + "model host, or a mirror such as an S3 bucket reached through the VPC's gateway endpoint",
                "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/");
        oldestJobAlarmSeconds = number(stack, "OldestJobAlarmSeconds", "Alarm when the oldest queued job has waited "
                + "longer than this many seconds", 1800, 60);
    }

    private static CfnParameter text(Stack stack, String name, String description, String fallback) {
        CfnParameter.Builder builder = CfnParameter.Builder.create(stack, name).type("String").description(description);
        if (fallback != null) {
            builder.defaultValue(fallback);
        } else {
            builder.minLength(1);
        }
        return builder.build();
    }

    private static CfnParameter number(Stack stack, String name, String description, int fallback, int min) {
        return CfnParameter.Builder.create(stack, name).type("Number").description(description).defaultValue(fallback)
                .minValue(min).build();
    }
}

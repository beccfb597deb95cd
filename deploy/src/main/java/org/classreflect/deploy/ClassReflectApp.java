package org.classreflect.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: the image repositories' stack and the {@code ClassReflect} stack, checked by cdk-nag's AwsSolutions rules while it is synthesised.
 * {@code cdk synth} runs this (see cdk.json); so does {@code ./mvnw package}, writing the cloud assembly to
 * {@code deploy/target/cdk.out} (or {@code CDK_OUTDIR}).
 */
public final class ClassReflectApp {

    private ClassReflectApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        DeploymentChoices choices = DeploymentChoices.fromContext(app.getNode()::tryGetContext);
        ImagesStack images = new ImagesStack(app, "ClassReflectImages", StackProps.builder()
                .description("ClassReflect: the image repositories").build());
        new ClassReflectStack(app, "ClassReflect", StackProps.builder()
                .description("ClassReflect: API on Fargate behind an ALB, SQS-driven workers, Aurora, S3").build(),
                images, choices);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
    }
}

package org.classreflect.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: the image repositories' stack and the {@code ClassReflect} stack, checked by cdk-nag's AwsSolutions
 * rules while they are synthesised. {@code cdk synth} runs this (see cdk.json); so does {@code ./mvnw package},
 * writing the cloud assembly to {@code deploy/target/cdk.out} (or {@code CDK_OUTDIR}).
 */
public final class ClassReflectApp {

    private ClassReflectApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        compose(app, DeploymentChoices.fromContext(app.getNode()::tryGetContext));
        app.synth();
    }

    /**
     * Adds both stacks to {@code app}. They hold no file assets, so they need no CDK bootstrap: the synthesised
     * templates deploy with {@code cdk deploy} or with plain {@code aws cloudformation deploy}.
     */
    public static ClassReflectStack compose(App app, DeploymentChoices choices) {
        ImagesStack images = new ImagesStack(app, "ClassReflectImages", StackProps.builder()
                .description("ClassReflect: the image repositories")
                .synthesizer(new BootstraplessSynthesizer()).build());
        ClassReflectStack stack = new ClassReflectStack(app, "ClassReflect", StackProps.builder()
                .description("ClassReflect: API on Fargate behind an ALB, SQS-driven workers, Aurora, S3")
                .synthesizer(new BootstraplessSynthesizer()).build(), images, choices);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }
}

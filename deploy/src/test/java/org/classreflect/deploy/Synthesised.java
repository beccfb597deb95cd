package org.classreflect.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** One synthesis of the app with some deployment choices, checked by cdk-nag as `cdk synth` checks it. */
final class Synthesised {

    final ClassReflectStack stack;
    final Template template;
    final Annotations annotations;

    private Synthesised(ClassReflectStack stack) {
        this.stack = stack;
        this.template = Template.fromStack(stack);
        this.annotations = Annotations.fromStack(stack);
    }

    static Synthesised with(DeploymentChoices choices) {
        App app = new App();
        ImagesStack images = new ImagesStack(app, "ClassReflectImages", StackProps.builder().build());
        ClassReflectStack stack = new ClassReflectStack(app, "ClassReflect", StackProps.builder().build(), images,
                choices);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Synthesised(stack);
    }

    /** The resources of a type, by logical id. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources(type);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** cdk-nag's AwsSolutions errors, as "rule: resource path" lines. */
    List<String> nagErrors() {
        return annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                .map(message -> message.getEntry().getData() + " at " + message.getId()).toList();
    }
}

package org.classreflect.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** One synthesis of the app with some deployment choices, checked by cdk-nag as {@code cdk synth} checks it. */
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
        return new Synthesised(ClassReflectApp.compose(new App(), choices));
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

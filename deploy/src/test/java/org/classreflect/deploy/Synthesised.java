package org.classreflect.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Synthesising takes seconds of Node.js: each choice is synthesised once for all the test classes. */
    private static final Map<DeploymentChoices, Synthesised> SYNTHESISED = new ConcurrentHashMap<>();

    static Synthesised with(DeploymentChoices choices) {
        return SYNTHESISED.computeIfAbsent(choices,
                chosen -> new Synthesised(ClassReflectApp.compose(new App(), chosen)));
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

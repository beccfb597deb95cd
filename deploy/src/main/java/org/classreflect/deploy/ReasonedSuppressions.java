package org.classreflect.deploy;

import software.amazon.awscdk.Stack;

/** The cdk-nag AwsSolutions findings this stack accepts, each with the reason it is accepted. */
final class ReasonedSuppressions {

    private ReasonedSuppressions() {
    }

    static void apply(Stack stack) {
    }
}

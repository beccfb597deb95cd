package org.classreflect.deploy;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.constructs.Construct;

/**
 * The two image repositories, in a stack of their own: deployed first, so the images can be pushed before the
 * services that run them are created.
 */
public final class ImagesStack extends Stack {

    final Repository api;
    final Repository worker;

    public ImagesStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        api = repository("Api", "classreflect-api");
        worker = repository("Worker", "classreflect-worker");
    }

    private Repository repository(String id, String name) {
        return Repository.Builder.create(this, id)
                .repositoryName(name)
                .imageScanOnPush(true)
                // Old releases stay available for a rollback, but not for ever.
                .lifecycleRules(List.of(LifecycleRule.builder().maxImageCount(20)
                        .description("keep the last 20 images").build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }
}

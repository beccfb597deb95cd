package org.classreflect.deploy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * Everything ClassReflect runs on, in one stack so that a deploy or a rollback moves it as a whole: network, data,
 * API, workers, scaler and operations. The image repositories are in {@link ImagesStack}, deployed first.
 */
public final class ClassReflectStack extends Stack {

    final Data data;
    final Cluster cluster;
    final Api api;
    final Workers workers;
    final Scaler scaler;

    public ClassReflectStack(Construct scope, String id, StackProps props, ImagesStack images,
            DeploymentChoices choices) {
        super(scope, id, props);
        StackParameters parameters = new StackParameters(this);
        Network network = new Network(this, "Network", choices);
        data = new Data(this, "Data", network.vpc, choices, parameters);
        cluster = Cluster.Builder.create(this, "Cluster").vpc(network.vpc).build();
        api = new Api(this, "Api", cluster, data, images.api, parameters);
        workers = new Workers(this, "Workers", network.vpc, cluster, data, images.worker, parameters, choices);
        scaler = new Scaler(this, "Scaler", network.vpc, cluster, data, workers, images.worker, parameters, choices);
        new Operations(this, "Operations", data, api, workers, parameters);
        ReasonedSuppressions.apply(this);

        CfnOutput.Builder.create(this, "LoadBalancerDns").description("Point the app's DNS name (CNAME) here")
                .value(api.service.getLoadBalancer().getLoadBalancerDnsName()).build();
        CfnOutput.Builder.create(this, "AudioBucket").value(data.audio.getBucketName()).build();
        CfnOutput.Builder.create(this, "JobQueueUrl").value(data.jobs.getQueueUrl()).build();
        CfnOutput.Builder.create(this, "AdminPasswordSecret").description("The first super admin's password")
                .value(data.adminPassword.getSecretName()).build();
    }

    /** The roles ECS uses to pull the images and write the logs of each task definition. */
    List<IRole> executionRoles() {
        List<IRole> roles = new ArrayList<>();
        roles.add(api.service.getTaskDefinition().obtainExecutionRole());
        roles.add(scaler.task.obtainExecutionRole());
        workers.task.ifPresent(task -> roles.add(task.obtainExecutionRole()));
        return roles;
    }
}

package org.classreflect.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** The cdk-nag AwsSolutions findings this stack accepts, each on the resources it concerns and with its reason. */
final class ReasonedSuppressions {

    private ReasonedSuppressions() {
    }

    static void apply(ClassReflectStack stack) {
        suppress(stack.api.service.getLoadBalancer(), "AwsSolutions-EC23",
                "The public web app and API: HTTPS from anywhere, and HTTP only to be redirected to HTTPS.");
        suppress(stack.api.service.getLoadBalancer(), "AwsSolutions-ELB2",
                "Access logs need a bucket policy for the region's load balancer account and cost per request; "
                        + "docs/deployment-aws.md says how to switch them on for an audit.");
        suppress(stack, "AwsSolutions-ECS2",
                "Task environments hold only non-secret settings (resource names, queue URLs, secret ids); the "
                        + "secrets themselves come from Secrets Manager at run time.");
        suppress(stack.cluster, "AwsSolutions-ECS4",
                "Container Insights is billed per metric; the API is watched by the 5xx and unhealthy-target "
                        + "alarms, the workers by the queue-age, dead-letter and failed-attempt alarms.");
        suppress(stack.data.database, "AwsSolutions-RDS6",
                "The app connects with the generated credentials from Secrets Manager (a connection pool), not "
                        + "with IAM tokens that expire every 15 minutes.");
        suppress(stack.data.database, "AwsSolutions-RDS11",
                "Another port hides nothing: the cluster is in private subnets and admits only the API and worker "
                        + "security groups.");
        suppress(stack.data.database, "AwsSolutions-RDS14",
                "Recovery is the 7-day point-in-time backups (runbook: restoring from a snapshot); backtrack is "
                        + "billed per change record.");
        String readAtStart = "The processes read their secrets at start (docs/deployment-aws.md: restart after a "
                + "rotation), so rotation is the runbook's deliberate procedure, not a schedule.";
        suppress(stack.data.database, "AwsSolutions-SMG4", readAtStart);
        suppress(stack.data.tokenKey, "AwsSolutions-SMG4", readAtStart + " Rotating the token key signs everyone out.");
        suppress(stack.data.adminPassword, "AwsSolutions-SMG4",
                "Used once, to create the first super admin; it changes the password in the app afterwards.");
        stack.workers.launchTemplate.ifPresent(template -> suppress(stack.workers, "AwsSolutions-EC28",
                "Detailed monitoring costs per instance; a worker lives minutes at a time and is watched through "
                        + "the queue alarms."));
        stack.workers.launchTemplate.ifPresent(template -> suppress(stack.workers, "AwsSolutions-EC29",
                "The pool is a fixed set of instances the scaler starts and stops (Ec2WorkerFleet never creates or "
                        + "terminates one); an Auto Scaling group would replace the stopped ones."));
        wildcards(stack.api.service.getTaskDefinition().getTaskRole(), "Objects under the audio prefix only "
                + "(the documented Audio statement).");
        wildcards(stack.workers.role, "Objects under the audio prefix; the pool's instances or the cluster's "
                + "tasks, limited by the pool tag or cluster and by the two activity tag keys.");
        wildcards(stack.scaler.role, "ec2:DescribeInstances has no resource-level permissions; starting, stopping "
                + "and tagging are limited to instances carrying the pool tag, tasks to this cluster and family.");
        wildcards(stack.scaler.task, "The schedule's role (CDK's EcsTask target) tags the tasks it runs in this "
                + "cluster; the execution role's ecr:GetAuthorizationToken has no resource-level permissions.");
        stack.executionRoles().forEach(role -> wildcards(role,
                "ecr:GetAuthorizationToken has no resource-level permissions (CDK's pull grant)."));
    }

    private static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }

    private static void wildcards(IConstruct scope, String reason) {
        suppress(scope, "AwsSolutions-IAM5", reason);
    }
}

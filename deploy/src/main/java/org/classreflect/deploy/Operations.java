package org.classreflect.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Knowing when something is wrong: alarms on the queues, the API, Aurora and the workers, all sent to one SNS topic
 * (mailed to the alarm address), and a monthly budget that mails at 80 % of the amount.
 */
final class Operations extends Construct {

    static final String METRICS_NAMESPACE = "ClassReflect";

    final Topic alarms;

    Operations(Construct scope, String id, Data data, Api api, Workers workers, StackParameters parameters) {
        super(scope, id);
        alarms = Topic.Builder.create(this, "Alarms").displayName("ClassReflect alarms").enforceSsl(true).build();
        alarms.addSubscription(new EmailSubscription(parameters.alarmEmail.getValueAsString()));

        alarm("DeadLetters", "A job was dead-lettered: a recording failed for good or its message was unreadable",
                data.deadLetters.metricApproximateNumberOfMessagesVisible(every(5, "Maximum")), 1, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        alarm("OldestJob", "The oldest queued job has waited longer than OldestJobAlarmSeconds: workers are not "
                        + "keeping up or not starting",
                data.jobs.metricApproximateAgeOfOldestMessage(every(5, "Maximum")),
                Token.asNumber(parameters.oldestJobAlarmSeconds.getValue()), 1,
                ComparisonOperator.GREATER_THAN_THRESHOLD);
        var loadBalancer = api.service.getLoadBalancer().getMetrics();
        alarm("Api5xx", "More than 5 % of API requests answered 5xx (from the app or the load balancer)",
                MathExpression.Builder.create()
                        .expression("IF(requests > 20, 100 * (app + alb) / requests, 0)")
                        .usingMetrics(Map.of(
                                "app", loadBalancer.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, every(5, "Sum")),
                                "alb", loadBalancer.httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, every(5, "Sum")),
                                "requests", loadBalancer.requestCount(every(5, "Sum"))))
                        .period(Duration.minutes(5))
                        .label("API 5xx %").build(), 5, 2, ComparisonOperator.GREATER_THAN_THRESHOLD);
        alarm("UnhealthyTargets", "An API task fails its /ready check (database or S3 unreachable, or not started)",
                api.service.getTargetGroup().getMetrics().unhealthyHostCount(every(1, "Maximum")), 1, 3,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
        alarm("AuroraCpu", "Aurora CPU above 80 % for 15 minutes: raise auroraMaxCapacity or look for slow queries",
                data.database.metricCPUUtilization(every(5, "Average")), 80, 3,
                ComparisonOperator.GREATER_THAN_THRESHOLD);
        alarm("AuroraFreeStorage", "Aurora's local (temporary) storage below 2 GiB: large sorts or temporary tables",
                data.database.metricFreeLocalStorage(every(5, "Minimum")), 2L * 1024 * 1024 * 1024, 1,
                ComparisonOperator.LESS_THAN_THRESHOLD);
        MetricFilter failedAttempts = MetricFilter.Builder.create(this, "FailedAttempts")
                .logGroup(workers.logs)
                // ProcessNextJob logs "attempt N for recording ID failed" for every failed attempt.
                .filterPattern(FilterPattern.allTerms("attempt", "for recording", "failed"))
                .metricNamespace(METRICS_NAMESPACE)
                .metricName("WorkerFailedAttempts")
                .metricValue("1")
                .defaultValue(0)
                .build();
        alarm("WorkerFailures", "Three or more transcription attempts failed within 15 minutes",
                failedAttempts.metric(every(15, "Sum")), 3, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);

        CfnBudget.Builder.create(this, "Budget")
                .budget(CfnBudget.BudgetDataProperty.builder()
                        .budgetName("classreflect-monthly")
                        .budgetType("COST")
                        .timeUnit("MONTHLY")
                        .budgetLimit(CfnBudget.SpendProperty.builder()
                                .amount(Token.asNumber(parameters.monthlyBudget.getValue())).unit("USD").build())
                        .build())
                .notificationsWithSubscribers(List.of(CfnBudget.NotificationWithSubscribersProperty.builder()
                        .notification(CfnBudget.NotificationProperty.builder()
                                .notificationType("ACTUAL").comparisonOperator("GREATER_THAN")
                                .threshold(80).thresholdType("PERCENTAGE").build())
                        .subscribers(List.of(CfnBudget.SubscriberProperty.builder().subscriptionType("EMAIL")
                                .address(parameters.alarmEmail.getValueAsString()).build()))
                        .build()))
                .build();
    }

    private void alarm(String id, String description, IMetric metric, Number threshold, int periods,
            ComparisonOperator comparison) {
        Alarm.Builder.create(this, id)
                .alarmName("classreflect-" + id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(comparison)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build()
                .addAlarmAction(new SnsAction(alarms));
    }

    private static MetricOptions every(int minutes, String statistic) {
        return MetricOptions.builder().period(Duration.minutes(minutes)).statistic(statistic).build();
    }
}

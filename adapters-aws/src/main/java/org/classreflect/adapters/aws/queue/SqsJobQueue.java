package org.classreflect.adapters.aws.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.core.queue.QueueSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Jobs on an SQS queue. A receive is a lease: the message is received with the configured visibility timeout and
 * stays hidden until it is deleted (ack), its visibility is changed (extend, release), or the timeout runs out.
 * Giving up on a job sends it to the dead-letter queue with the reason as a message attribute, then deletes it here.
 *
 * <p>Redrive after too many receives is the queue's own attribute ({@code RedrivePolicy} with
 * {@code maxReceiveCount}); this class does not count. A body that is not a job message is dead-lettered with the
 * reason at once, so a stray message can never stop a worker.
 *
 * <p>SQS has no attribute for the age of the oldest message (that is the CloudWatch metric
 * {@code ApproximateAgeOfOldestMessage}), and reading it would mean receiving messages; {@link #snapshot()} therefore
 * reports {@link Duration#ZERO} as the oldest age: unknown, never invented.
 */
public final class SqsJobQueue implements JobQueue {

    /** The longest wait SQS allows for one receive call. */
    static final int MAX_WAIT_SECONDS = 20;
    /** The longest visibility SQS allows. */
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);
    public static final String REASON_ATTRIBUTE = "reason";
    /** SQS attribute values are at most 256 KB; a reason is a sentence, cut long stack-trace-like ones short. */
    private static final int MAX_REASON_CHARS = 4000;
    private static final long SHORT_POLL_PAUSE_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SqsJobQueue.class);

    /**
     * @param visibility how long a received job stays hidden from other workers (the lease); default 10 minutes
     */
    public record Config(String queueUrl, String deadLetterQueueUrl, Duration visibility) {

        public static final Duration DEFAULT_VISIBILITY = Duration.ofMinutes(10);

        public Config {
            Objects.requireNonNull(queueUrl, "queueUrl");
            Objects.requireNonNull(deadLetterQueueUrl, "deadLetterQueueUrl");
            if (visibility.compareTo(Duration.ofSeconds(1)) < 0 || visibility.compareTo(MAX_VISIBILITY) > 0) {
                throw new IllegalArgumentException("the visibility timeout is between 1 s and 12 h: " + visibility);
            }
        }
    }

    private final SqsClient sqs;
    private final Config config;

    public SqsJobQueue(SqsClient sqs, Config config) {
        this.sqs = sqs;
        this.config = config;
    }

    @Override
    public void enqueue(Job job) {
        sqs.sendMessage(b -> b.queueUrl(config.queueUrl()).messageBody(JobMessage.write(job)));
    }

    /**
     * Long-polls in calls of at most 20 s until {@code maxWait} has passed. Waits shorter than a second cannot be
     * long polls (SQS counts whole seconds), so the last fraction is spent in short polls a little apart.
     */
    @Override
    public Optional<Lease> receive(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long remaining = deadline - System.nanoTime();
            int waitSeconds = (int) Math.min(MAX_WAIT_SECONDS, TimeUnit.NANOSECONDS.toSeconds(Math.max(0, remaining)));
            Optional<Message> message = receiveOne(waitSeconds);
            if (message.isPresent()) {
                Optional<Lease> lease = leaseOf(message.get());
                if (lease.isPresent()) {
                    return lease;
                }
                continue;
            }
            remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            if (waitSeconds == 0) {
                Thread.sleep(Math.min(SHORT_POLL_PAUSE_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining))));
            }
        }
    }

    @Override
    public void extend(Lease lease, Duration visibility) {
        changeVisibility(lease, visibility);
    }

    @Override
    public void ack(Lease lease) {
        ifReceiptStillValid(() -> sqs.deleteMessage(b -> b.queueUrl(config.queueUrl())
                .receiptHandle(lease.receipt())));
    }

    @Override
    public void release(Lease lease, Duration delay) {
        changeVisibility(lease, delay);
    }

    @Override
    public void deadLetter(Lease lease, String reason) {
        deadLetter(JobMessage.write(lease.job()), lease.receipt(), reason);
    }

    @Override
    public QueueSnapshot snapshot() {
        Map<QueueAttributeName, String> main = sqs.getQueueAttributes(b -> b.queueUrl(config.queueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        Map<QueueAttributeName, String> dead = sqs.getQueueAttributes(b -> b.queueUrl(config.deadLetterQueueUrl())
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new QueueSnapshot(
                count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        + count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        + count(dead, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                Duration.ZERO);
    }

    private Optional<Message> receiveOne(int waitSeconds) throws InterruptedException {
        try {
            return sqs.receiveMessage(b -> b.queueUrl(config.queueUrl())
                            .maxNumberOfMessages(1)
                            .waitTimeSeconds(waitSeconds)
                            .visibilityTimeout(seconds(config.visibility()))
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().stream().findFirst();
        } catch (AbortedException e) {
            InterruptedException interrupted = new InterruptedException("interrupted while polling SQS");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private Optional<Lease> leaseOf(Message message) {
        JobMessage.Parsed parsed = JobMessage.read(message.body());
        if (parsed.job().isEmpty()) {
            LOG.warn("dead-lettering message {}: {}", message.messageId(), parsed.problem());
            deadLetter(message.body(), message.receiptHandle(), "unreadable job message: " + parsed.problem());
            return Optional.empty();
        }
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        int receiveCount = count == null ? 1 : Math.max(1, Integer.parseInt(count));
        return Optional.of(new Lease(parsed.job().get(), message.receiptHandle(), receiveCount));
    }

    private void deadLetter(String body, String receipt, String reason) {
        String shortReason = reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
        sqs.sendMessage(b -> b.queueUrl(config.deadLetterQueueUrl())
                .messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                .messageAttributes(Map.of(REASON_ATTRIBUTE, MessageAttributeValue.builder()
                        .dataType("String").stringValue(shortReason.isEmpty() ? "(none)" : shortReason).build())));
        ifReceiptStillValid(() -> sqs.deleteMessage(b -> b.queueUrl(config.queueUrl())
                .receiptHandle(receipt)));
    }

    private void changeVisibility(Lease lease, Duration visibility) {
        int timeout = seconds(visibility.compareTo(MAX_VISIBILITY) > 0 ? MAX_VISIBILITY : visibility);
        ifReceiptStillValid(() -> sqs.changeMessageVisibility(b -> b.queueUrl(config.queueUrl())
                .receiptHandle(lease.receipt()).visibilityTimeout(timeout)));
    }

    /**
     * A receipt from an earlier delivery, or of a message already deleted, changes nothing: the job now belongs to
     * whoever received it last (as with any stale lease). Other faults propagate.
     */
    private static void ifReceiptStillValid(Runnable call) {
        try {
            call.run();
        } catch (ReceiptHandleIsInvalidException | MessageNotInflightException e) {
            LOG.info("stale receipt ignored ({}): {}", e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        } catch (SqsException e) {
            if (e.statusCode() != 400 || !"InvalidParameterValue".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            LOG.info("stale receipt ignored (InvalidParameterValue): {}", e.awsErrorDetails().errorMessage());
        }
    }

    /** Whole seconds, rounded up: a lease is never shorter than asked. */
    private static int seconds(Duration d) {
        long millis = Math.max(0, d.toMillis());
        return (int) ((millis + 999) / 1000);
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}

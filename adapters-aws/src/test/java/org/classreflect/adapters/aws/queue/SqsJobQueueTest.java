package org.classreflect.adapters.aws.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.classreflect.adapters.aws.TestAws;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.testfixtures.contracts.JobQueueContract;
import org.classreflect.testfixtures.servers.ElasticMqServer;
import org.classreflect.testfixtures.servers.ElasticMqServer.QueuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsJobQueueTest extends JobQueueContract {

    private static final ElasticMqServer SERVER = ElasticMqServer.shared();
    private static final SqsClient SQS = TestAws.sqs(SERVER.endpoint());
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private QueuePair queues;

    @AfterAll
    static void closeClient() {
        SQS.close();
    }

    @Override
    protected JobQueue newQueue(Duration visibility, int maxReceives) {
        queues = SERVER.createQueueWithDeadLetterQueue("jobs-" + UUID.randomUUID(), maxReceives);
        return new SqsJobQueue(SQS, new SqsJobQueue.Config(queues.queueUrl(), queues.deadLetterQueueUrl(),
                visibility));
    }

    /** ElasticMQ ignores them, but SQS documents that a delete with an older receipt might still delete. */
    @Override
    protected boolean staleReceiptsChangeNothing() {
        return false;
    }

    @Test
    void theMessageBodyIsVersionedJson() throws Exception {
        JobQueue queue = newQueue(Duration.ofSeconds(30), 5);
        queue.enqueue(new Job("rec-1"));

        Message raw = SQS.receiveMessage(b -> b.queueUrl(queues.queueUrl()).waitTimeSeconds(5)).messages().get(0);

        assertThat(raw.body()).isEqualTo("{\"v\":1,\"recordingId\":\"rec-1\"}");
    }

    @Test
    void aJobGivenUpOnReachesTheDeadLetterQueueWithItsReason() throws Exception {
        JobQueue queue = newQueue(Duration.ofSeconds(30), 5);
        queue.enqueue(new Job("rec-2"));
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.deadLetter(lease, "gave up after 3 attempts: the audio is corrupt");

        Message dead = deadLetters().get(0);
        assertThat(JobMessage.read(dead.body()).job()).contains(new Job("rec-2"));
        assertThat(dead.messageAttributes().get(SqsJobQueue.REASON_ATTRIBUTE).stringValue())
                .isEqualTo("gave up after 3 attempts: the audio is corrupt");
        assertThat(queue.receive(Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void messagesThatAreNotJobsAreDeadLetteredWithTheReasonAndTheNextJobIsStillDelivered() throws Exception {
        JobQueue queue = newQueue(Duration.ofSeconds(30), 5);
        SQS.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody("recording 42, please"));
        SQS.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody("{\"v\":2,\"recordingId\":\"rec-from-the-future\"}"));
        SQS.sendMessage(b -> b.queueUrl(queues.queueUrl()).messageBody("{\"v\":1}"));
        queue.enqueue(new Job("rec-3"));

        Lease lease = queue.receive(PATIENCE).orElseThrow();

        assertThat(lease.job()).isEqualTo(new Job("rec-3"));
        assertThat(queue.receive(Duration.ofSeconds(1))).isEmpty();
        List<Message> dead = deadLetters();
        assertThat(dead).extracting(Message::body).containsExactlyInAnyOrder("recording 42, please",
                "{\"v\":2,\"recordingId\":\"rec-from-the-future\"}", "{\"v\":1}");
        assertThat(dead).extracting(m -> m.messageAttributes().get(SqsJobQueue.REASON_ATTRIBUTE).stringValue())
                .containsExactlyInAnyOrder("unreadable job message: the body is not JSON",
                        "unreadable job message: unknown message version 2 (this worker reads version 1)",
                        "unreadable job message: the message names no recordingId");
        assertThat(queue.snapshot().deadLettered()).isEqualTo(3);
    }

    @Test
    void anExtendedLeaseOutlivesTheConfiguredVisibility() throws Exception {
        JobQueue queue = newQueue(Duration.ofSeconds(1), 5);
        queue.enqueue(new Job("rec-4"));
        Lease lease = queue.receive(PATIENCE).orElseThrow();

        queue.extend(lease, Duration.ofSeconds(3));
        Thread.sleep(1500);
        queue.extend(lease, Duration.ofSeconds(3));

        assertThat(queue.receive(Duration.ofSeconds(2))).isEmpty();
        queue.ack(lease);
        assertThat(queue.receive(Duration.ofSeconds(2))).isEmpty();
        assertThat(queue.snapshot().visible() + queue.snapshot().inFlight()).isZero();
    }

    @Test
    void aStaleReceiptChangesNothingAndThrowsNothing() throws Exception {
        JobQueue queue = newQueue(Duration.ofSeconds(30), 5);
        queue.enqueue(new Job("rec-5"));
        Lease lease = queue.receive(PATIENCE).orElseThrow();
        queue.ack(lease);

        queue.extend(lease, Duration.ofSeconds(10));
        queue.release(lease, Duration.ZERO);
        queue.ack(lease);

        assertThat(queue.receive(Duration.ofSeconds(1))).isEmpty();
    }

    private List<Message> deadLetters() {
        return SQS.receiveMessage(b -> b.queueUrl(queues.deadLetterQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")).messages();
    }
}

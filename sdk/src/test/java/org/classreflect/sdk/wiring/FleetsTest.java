package org.classreflect.sdk.wiring;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.inmemory.InMemoryJobQueue;
import org.classreflect.core.queue.Job;
import org.classreflect.core.queue.JobQueue;
import org.classreflect.core.queue.Lease;
import org.classreflect.testfixtures.servers.FakeEc2;
import org.classreflect.testfixtures.servers.FakeImds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.classreflect.core.scaling.FleetSnapshot;
import org.classreflect.core.scaling.ScalingConfig;
import org.classreflect.core.scaling.ScalingDecision;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetsTest {

    private static final Settings DEFAULTS = Settings.from(Map.of(), Map.of());

    @Test
    void withNoFleetConfiguredTheScalerRefusesAndSaysWhatToSet() {
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLASSREFLECT_FLEET=none").hasMessageContaining("ec2 or ecs");
    }

    @Test
    void anUnknownFleetOrAnIncompleteOneIsRefusedWithTheSettingToFix() {
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "k8s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none, ec2 or ecs");
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "ECS")))
                .hasMessageContaining("CLASSREFLECT_ECS_CLUSTER");
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "ec2")
                .with(Setting.EC2_POOL_TAG, "no-equals-sign"))).hasMessageContaining("key=value");
        assertThat(Fleets.membership(DEFAULTS)).isSameAs(FleetMembership.NONE);
    }

    @Test
    void anEc2WorkerReportsItsActivityUnderItsOwnInstanceIdAndCanStopItsOwnHost() throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (FakeEc2 ec2 = FakeEc2.start(); FakeImds imds = FakeImds.start()) {
            String id = ec2.addStoppedInstance(Map.of("classreflect:role", "worker"));
            imds.instanceId(id).region("eu-west-1");
            Settings settings = DEFAULTS.with(Setting.FLEET, "ec2").with(Setting.AWS_REGION, "eu-west-1")
                    .with(Setting.EC2_ENDPOINT, ec2.endpoint().toString())
                    .with(Setting.IMDS_ENDPOINT, imds.endpoint().toString());
            assertThat(Fleets.fromSettings(settings).start(1)).containsExactly(id);
            ec2.settle();

            FleetMembership membership = Fleets.membership(settings);
            assertThat(membership.workerId()).isEqualTo(id);
            Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
            JobQueue queue = membership.observe(new InMemoryJobQueue(Duration.ofMinutes(1), 4, clock), clock);
            queue.enqueue(new Job("r1"));
            Lease lease = queue.receive(Duration.ZERO).orElseThrow();
            assertThat(ec2.tags(id)).containsEntry("classreflect:busy", "true");
            queue.ack(lease);
            assertThat(ec2.tags(id)).containsEntry("classreflect:busy", "false")
                    .containsEntry("classreflect:idle-since", "2026-11-23T15:00:00Z");

            membership.stopOwnHost().run();
            ec2.settle();
            assertThat(ec2.state(id)).isEqualTo("stopped");
        }
    }

    @Test
    void anEc2WorkerHearsOfItsSpotInterruption() throws Exception {
        try (FakeImds imds = FakeImds.start()) {
            Settings settings = DEFAULTS.with(Setting.FLEET, "ec2")
                    .with(Setting.IMDS_ENDPOINT, imds.endpoint().toString());
            CountDownLatch heard = new CountDownLatch(1);
            try (AutoCloseable watch = Fleets.watchSpotInterruptions(settings, heard::countDown)) {
                imds.announceSpotInterruption("terminate", Instant.now().plusSeconds(120));
                assertThat(heard.await(20, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void theDefaultScalingSettingsAreTheCoreDefaults() {
        assertThat(SettingsAdapters.scalingConfig(DEFAULTS)).isEqualTo(ScalingConfig.DEFAULTS);
        assertThatThrownBy(() -> SettingsAdapters.scalingConfig(DEFAULTS.with(Setting.SCALE_BUDGET_PER_HOUR, "lots")))
                .hasMessageContaining("CLASSREFLECT_SCALE_BUDGET_PER_HOUR");
        assertThatThrownBy(() -> SettingsAdapters.scalingConfig(DEFAULTS.with(Setting.SCALE_BUDGET_PER_HOUR, "0.05")))
                .hasMessageContaining("at least one worker");
    }

    @Test
    void theScalerIsWiredWithoutOpeningTheDatabase(@TempDir Path dataDir) throws Exception {
        WorkerFleet empty = new WorkerFleet() {
            public FleetSnapshot snapshot() { return new FleetSnapshot(List.of()); }
            public List<String> start(int count) { throw new AssertionError("nothing to start"); }
            public void stop(Collection<String> ids) { throw new AssertionError("nothing to stop"); }
            public void reportActivity(String id, boolean busy, Instant since) { }
        };
        Settings settings = DEFAULTS.with(Setting.DATA_DIR, dataDir.toString());
        ScalingDecision decision = SettingsAdapters.scaler(settings, empty).execute();
        assertThat(decision.action()).isEqualTo(ScalingDecision.Action.NOTHING);
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}

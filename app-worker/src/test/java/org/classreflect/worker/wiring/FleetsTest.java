package org.classreflect.worker.wiring;

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
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;
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
    void aFleetWhoseAdapterIsNotWiredNamesTheMissingAdapter() {
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "ec2")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Ec2WorkerFleet");
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "ECS")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EcsWorkerFleet");
        assertThatThrownBy(() -> Fleets.fromSettings(DEFAULTS.with(Setting.FLEET, "k8s")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none, ec2 or ecs");
    }

    @Test
    void theDefaultScalingSettingsAreTheCoreDefaults() {
        assertThat(SettingsModule.scalingConfig(DEFAULTS)).isEqualTo(ScalingConfig.DEFAULTS);
        assertThatThrownBy(() -> SettingsModule.scalingConfig(DEFAULTS.with(Setting.SCALE_BUDGET_PER_HOUR, "lots")))
                .hasMessageContaining("CLASSREFLECT_SCALE_BUDGET_PER_HOUR");
        assertThatThrownBy(() -> SettingsModule.scalingConfig(DEFAULTS.with(Setting.SCALE_BUDGET_PER_HOUR, "0.05")))
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
        ScalingDecision decision = DaggerScalerComponent.factory().create(settings, empty).scaleFleet().execute();
        assertThat(decision.action()).isEqualTo(ScalingDecision.Action.NOTHING);
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}

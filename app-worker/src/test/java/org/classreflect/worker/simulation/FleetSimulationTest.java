package org.classreflect.worker.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.classreflect.core.scaling.ScalingConfig;
import org.junit.jupiter.api.Test;

class FleetSimulationTest {

    private static final WorkModel MODEL = new WorkModel(Duration.ofSeconds(120), 0.25, Duration.ofSeconds(20),
            Duration.ofSeconds(60), Duration.ofMinutes(1), 0.1664);
    private static final List<Upload> ONE_LESSON = List.of(new Upload(30, 2400));

    @Test
    void theOriginalInstanceStartsOnUploadAndStopsAfterThreeEmptyPolls() {
        SimulationResult r = FleetSimulation.run(ONE_LESSON, MODEL, new SingleInstanceController(3));
        // launched at 30 s, polls at 150 s, 600 s of processing: transcript at 750 s
        assertThat(r.secondsToTranscript()).containsExactly(720.0);
        // empty polls end at 770, 790 and 810 s: billed from 30 to 810 s
        assertThat(r.workerSeconds()).isCloseTo(780, within(1e-6));
        assertThat(r.cost()).isCloseTo(780 / 3600.0 * 0.1664, within(1e-9));
        assertThat(r.launches()).isEqualTo(1);
    }

    @Test
    void ourScalerStartsOnItsNextTickAndStopsAfterTheIdleGrace() {
        SimulationResult r = FleetSimulation.run(ONE_LESSON, MODEL, new PolicyController(ScalingConfig.DEFAULTS));
        // the tick at 60 s starts a worker; it polls at 180 s and finishes at 780 s
        assertThat(r.secondsToTranscript()).containsExactly(750.0);
        // idle from 780 s; the tick at 1080 s finds it idle for the 5 minutes' grace and stops it
        assertThat(r.workerSeconds()).isCloseTo(1020, within(1e-6));
        assertThat(r.peakWorkers()).isEqualTo(1);
    }

    @Test
    void aBusyAfternoonIsTranscribedFarSoonerByTheScaledFleet() {
        List<Upload> day = SchoolDay.DEFAULT.uploads();
        SimulationResult ours = FleetSimulation.run(day, MODEL, new PolicyController(ScalingConfig.DEFAULTS));
        SimulationResult original = FleetSimulation.run(day, MODEL, new SingleInstanceController(3));

        assertThat(ours.secondsToTranscript()).hasSize(300);
        assertThat(original.secondsToTranscript()).hasSize(300);
        assertThat(ours.percentile(95)).isLessThan(original.percentile(95) / 10);
        assertThat(ours.peakWorkers()).isLessThanOrEqualTo(ScalingConfig.DEFAULTS.maxWorkers());
        assertThat(original.peakWorkers()).isEqualTo(1);
        // both pay for the same processing; the difference is boots and idle grace, far below the processing
        double processingHours = day.stream().mapToDouble(Upload::audioSeconds).sum() * 0.25 / 3600;
        assertThat(original.workerHours()).isGreaterThanOrEqualTo(processingHours);
        assertThat(ours.workerHours()).isBetween(processingHours, processingHours * 1.2);
        // the budget holds at every moment
        assertThat(ours.samples()).allSatisfy(s -> assertThat(s.workers() * 0.1664).isLessThanOrEqualTo(4.00));
    }

    @Test
    void theSameDayGivesTheSameResult() {
        List<Upload> day = new SchoolDay(40, SchoolDay.DEFAULT.from(), SchoolDay.DEFAULT.to(),
                Duration.ofMinutes(20), Duration.ofMinutes(60), 7).uploads();
        SimulationResult a = FleetSimulation.run(day, MODEL, new PolicyController(ScalingConfig.DEFAULTS));
        SimulationResult b = FleetSimulation.run(day, MODEL, new PolicyController(ScalingConfig.DEFAULTS));
        assertThat(a.secondsToTranscript()).containsExactly(b.secondsToTranscript());
        assertThat(a.samples()).isEqualTo(b.samples());
    }

    @Test
    void aMinimumFleetIsBilledUntilAnHourAfterTheLastTranscript() {
        ScalingConfig keepTwo = new ScalingConfig(2, 5, 2, Duration.ofMinutes(5), 5, 4.00, 0.1664);
        SimulationResult r = FleetSimulation.run(ONE_LESSON, MODEL, new PolicyController(keepTwo));
        assertThat(r.secondsToTranscript()).hasSize(1);
        Sample last = r.samples().get(r.samples().size() - 1);
        assertThat(last.atSeconds()).isGreaterThanOrEqualTo(r.secondsToTranscript()[0] + 3600);
        assertThat(last.workers()).isEqualTo(2);
    }

    @Test
    void noUploadsCostNothing() {
        SimulationResult r = FleetSimulation.run(List.of(), MODEL, new PolicyController(ScalingConfig.DEFAULTS));
        assertThat(r.cost()).isZero();
        assertThat(r.launches()).isZero();
        assertThat(r.percentile(95)).isZero();
    }

    @Test
    void percentilesAreNearestRank() {
        SimulationResult r = new SimulationResult("x", new double[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10}, 0, 0, 0, 0,
                List.of());
        assertThat(r.percentile(50)).isEqualTo(5);
        assertThat(r.percentile(95)).isEqualTo(10);
        assertThat(r.percentile(10)).isEqualTo(1);
        assertThat(r.max()).isEqualTo(10);
    }
}

package org.classreflect.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-loop harness, bounded: about 20 SIGKILLs of the product (first start included) with restarts and checks.
 * {@code -Dcrashloop.kills=200} runs the long version (see docs/benchmarks.md).
 */
class CrashLoopTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 60, unit = java.util.concurrent.TimeUnit.MINUTES)
    void theProductSurvivesSigkillsAtRandomMomentsWithoutCorruptionDuplicatesLossesOrphansOrLeftovers()
            throws Exception {
        int kills = Integer.getInteger("crashloop.kills", 20);
        long seed = Long.getLong("crashloop.seed", 20261202L);
        Path shared = Path.of(System.getProperty("classreflect.shared", "../../shared"));
        Duration window = Duration.ofMillis(Long.getLong("crashloop.windowMillis", 2_000));

        CrashLoopHarness.Report report = new CrashLoopHarness(dataDir, shared, seed, kills, window, System.out).run();

        System.out.println(report.table());
        assertThat(report.kills()).isGreaterThanOrEqualTo(kills);
        assertThat(report.unusableStarts()).as(report.findings().toString()).isZero();
        assertThat(report.illegalStates()).as(report.findings().toString()).isZero();
        assertThat(report.duplicates()).as(report.findings().toString()).isZero();
        assertThat(report.orphans()).as(report.findings().toString()).isZero();
        assertThat(report.leftoverScratchFiles()).as(report.findings().toString()).isZero();
        assertThat(report.lost()).as(report.findings().toString()).isZero();
    }
}

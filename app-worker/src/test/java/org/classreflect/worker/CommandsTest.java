package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.sdk.config.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The work, scale and simulate commands, run as from the shell. */
class CommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new WorkerMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theWorkerSeedsTheStarterTemplatesIntoTheDatabaseItShares(@TempDir Path dir) {
        Map<String, String> properties = Map.of(Setting.DATA_DIR.propertyName(), dir.toString(),
                Setting.WORKER_POLL_WAIT.propertyName(), "10ms");
        properties.forEach(System::setProperty);
        try {
            assertThat(run("work", "--stop-after-empty-polls", "1")).isEqualTo(0);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
        try (Database database = Database.embedded(dir)) {
            assertThat(new JdbiTemplates(database.jdbi(), Clock.systemUTC()).listAll())
                    .containsExactlyInAnyOrderElementsOf(StarterTemplates.ALL);
        }
    }

    @Test
    void scaleWithoutAFleetFailsWithAClearMessage() {
        assertThat(run("scale", "--once")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot scale: no worker fleet is configured (CLASSREFLECT_FLEET=none)");
    }

    @Test
    void scaleNeedsOnceOrEvery() {
        assertThat(run("scale")).isEqualTo(2);
        assertThat(err.toString()).contains("--once").contains("--every");
        assertThat(run("scale", "--once", "--every", "60s")).isEqualTo(2);
    }

    @Test
    void simulateComparesBothPoliciesAndWritesTheSeriesAndTheChart(@TempDir Path dir) throws Exception {
        assertThat(run("simulate", "--lessons", "30", "--seed", "3", "--out", dir.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("30 lessons of 20-60 min uploaded 15:00-17:00 (seed 3)")
                .contains("scaling policy").contains("single instance").contains("worker-hours");

        List<String> csv = Files.readAllLines(dir.resolve("school-day.csv"));
        assertThat(csv.get(0)).isEqualTo("policy,seconds,waiting,in_progress,workers");
        assertThat(csv).anyMatch(l -> l.startsWith("scaling policy,")).anyMatch(l -> l.startsWith("single instance,"));

        byte[] png = Files.readAllBytes(dir.resolve("school-day.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}

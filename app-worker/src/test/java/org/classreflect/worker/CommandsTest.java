package org.classreflect.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.classreflect.adapters.sql.Database;
import org.classreflect.adapters.sql.JdbiRecordingTextSearch;
import org.classreflect.adapters.sql.JdbiRecordings;
import org.classreflect.adapters.sql.JdbiSchools;
import org.classreflect.adapters.sql.JdbiTemplates;
import org.classreflect.adapters.sql.JdbiUsers;
import org.classreflect.core.common.PageRequest;
import org.classreflect.core.recording.RecordingMetadata;
import org.classreflect.core.recording.RecordingQuery;
import org.classreflect.core.recording.RecordingSearch;
import org.classreflect.core.school.RecordingScope;
import org.classreflect.core.template.StarterTemplates;
import org.classreflect.sdk.config.Setting;
import org.classreflect.testfixtures.builders.ARecording;
import org.classreflect.testfixtures.builders.ASchool;
import org.classreflect.testfixtures.builders.AUser;
import org.classreflect.testfixtures.servers.MariaDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The work, scale, simulate and rebuild-search-index commands, run as from the shell. */
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
    void theSearchIndexIsRebuiltFromTheStoredWords() {
        String url = MariaDbServer.shared(Path.of("target"))
                .createDatabase("rebuild_cli_" + UUID.randomUUID().toString().replace("-", ""));
        try (Database database = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            new JdbiSchools(database.jdbi()).insert(ASchool.named("s-1", "Oak"));
            new JdbiUsers(database.jdbi()).insert(AUser.teacher("t-1", "s-1"));
            new JdbiRecordings(database.jdbi()).insert(ARecording.of("r-1", "s-1", "t-1")
                    .metadata(new RecordingMetadata("Volcanoes", null, null, null)).build());
            database.jdbi().useHandle(h -> h.execute("DELETE FROM search_postings"));
        }
        Map<String, String> properties = Map.of(Setting.DB_URL.propertyName(), url,
                Setting.DB_USER.propertyName(), MariaDbServer.USER);
        properties.forEach(System::setProperty);
        try {
            assertThat(run("rebuild-search-index")).isEqualTo(0);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }

        assertThat(out.toString()).contains("search index rebuilt: 1 recordings in ");
        try (Database database = Database.connect(url, MariaDbServer.USER, MariaDbServer.PASSWORD, 2)) {
            var found = new JdbiRecordingTextSearch(database.jdbi()).search(new RecordingQuery(
                    RecordingScope.everything(), null, Set.of(), PageRequest.first(),
                    new RecordingSearch("volcanoes", null, null, null)));
            assertThat(found.items()).extracting(r -> r.recording().id()).containsExactly("r-1");
        }
    }

    @Test
    void theEmbeddedDatabaseHasNoSearchIndexToRebuild(@TempDir Path dir) {
        System.setProperty(Setting.DATA_DIR.propertyName(), dir.toString());
        try {
            assertThat(run("rebuild-search-index")).isEqualTo(0);
        } finally {
            System.clearProperty(Setting.DATA_DIR.propertyName());
        }
        assertThat(out.toString()).contains("nothing to rebuild");
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

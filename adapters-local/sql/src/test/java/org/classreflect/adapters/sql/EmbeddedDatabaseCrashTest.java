package org.classreflect.adapters.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.classreflect.core.analysis.Analysis;
import org.classreflect.core.analysis.AnalysisStatus;
import org.classreflect.core.recording.Recording;
import org.classreflect.core.recording.RecordingStatus;
import org.classreflect.core.school.Role;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a JVM that holds an open transaction on every status column after another session's commit has
 * written that transaction's undo log to the file, then opens the file as the product does after a crash. On reopen
 * H2 rolls the transaction back, and must still read every status as its name.
 */
class EmbeddedDatabaseCrashTest {

    private static final String READY = "open transaction written";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readsEveryStatusAfterAKillDuringATransaction(@TempDir Path dataDir) throws Exception {
        killWhileATransactionIsOpen(dataDir);

        try (Database reopened = Database.embedded(dataDir)) {
            List<Recording> recordings = new JdbiRecordings(reopened.jdbi())
                    .findByStatus(EnumSet.allOf(RecordingStatus.class));
            assertThat(recordings).extracting(Recording::status).containsExactly(RecordingStatus.PROCESSING);
            assertThat(new JdbiUsers(reopened.jdbi()).anyWithRole(Role.TEACHER)).isTrue();
            assertThat(new JdbiAnalyses(reopened.jdbi()).listUnfinished())
                    .extracting(Analysis::status).containsExactly(AnalysisStatus.RUNNING);
        }
    }

    private static void killWhileATransactionIsOpen(Path dataDir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-cp", System.getProperty("java.class.path"), OpenTransaction.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> awaitLine(child, READY));
            assertThat(ready.get(45, TimeUnit.SECONDS)).as("the child reached the open transaction").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean awaitLine(Process process, String wanted) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child: one row per status table, changed in a transaction that is open when the parent kills it. */
    public static final class OpenTransaction {

        public static void main(String[] args) throws InterruptedException {
            Database database = Database.embedded(Path.of(args[0]));
            database.jdbi().useHandle(OpenTransaction::insertRows);
            Handle open = database.jdbi().open();
            open.begin();
            open.execute("UPDATE recordings SET status = 'completed' WHERE id = 'r-1'");
            open.execute("UPDATE users SET role = 'school_manager' WHERE id = 'u-1'");
            open.execute("UPDATE analyses SET status = 'completed' WHERE id = 'a-1'");
            // With WRITE_DELAY=0 this commit stores the file, the open transaction's undo log included.
            database.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO schools (id, name, created_at) VALUES ('s-2', 'Elm', CURRENT_TIMESTAMP(3))"));
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(60_000);
        }

        private static void insertRows(Handle h) {
            h.execute("INSERT INTO schools (id, name, created_at) VALUES ('s-1', 'Oak', CURRENT_TIMESTAMP(3))");
            h.execute("""
                    INSERT INTO users (id, school_id, email, display_name, role, password_hash, active,
                                       must_change_password, created_at)
                    VALUES ('u-1', 's-1', 't@oak.test', 'T', 'teacher', 'x', TRUE, FALSE, CURRENT_TIMESTAMP(3))""");
            h.execute("""
                    INSERT INTO recordings (id, school_id, teacher_id, size_bytes, status, progress_percent, attempts,
                                            created_at)
                    VALUES ('r-1', 's-1', 'u-1', 1, 'processing', 40, 1, CURRENT_TIMESTAMP(3))""");
            h.execute("""
                    INSERT INTO analysis_templates (id, version, school_id, name, subjects, grades, criteria, deleted,
                                                    created_at)
                    VALUES ('t-1', 1, 's-1', 'Rubric', '[]', '[]', '[]', FALSE, CURRENT_TIMESTAMP(3))""");
            h.execute("""
                    INSERT INTO analyses (id, recording_id, school_id, teacher_id, template_id, template_version,
                                          status, lesson_at, created_at)
                    VALUES ('a-1', 'r-1', 's-1', 'u-1', 't-1', 1, 'running', CURRENT_TIMESTAMP(3),
                            CURRENT_TIMESTAMP(3))""");
        }
    }
}

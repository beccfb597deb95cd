package org.classreflect.adapters.speech.pocketsphinx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a speech engine's child process from outliving the JVM that started it.
 *
 * <p>On Linux the command is prefixed with util-linux {@code setpriv --pdeathsig KILL --}: setpriv sets the
 * parent-death signal and then execs the engine in the same process, so the engine gets SIGKILL when its parent dies,
 * even when the JVM is killed with SIGKILL and has no chance to run a shutdown hook. The JDK on Linux starts children
 * with posix_spawn of {@code jspawnhelper}, which execs the command in the spawned process itself (no extra fork), so
 * the engine's parent is the JVM. The kernel sends the signal when the <em>thread</em> that spawned the child exits:
 * the thread that starts the engine therefore waits for it to end, and destroys it (see
 * {@link #destroyAndWait(Process)}) before it moves on. Without setpriv (not Linux, or util-linux missing) the command
 * runs unchanged and an engine can outlive a killed JVM.
 */
final class ChildProcesses {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long WAIT_AFTER_KILL_SECONDS = 10;

    private ChildProcesses() {
    }

    /** The prefix that makes a command die with this process; empty where that is not available. */
    static List<String> dyingWithThisProcess() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && Files.isExecutable(SETPRIV)) {
            return List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--");
        }
        return List.of();
    }

    /**
     * Kills the process (a no-op when it has ended) and waits for it to be gone, even when the calling thread has been
     * interrupted; the thread's interrupt status is kept.
     */
    static void destroyAndWait(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = Thread.interrupted();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_AFTER_KILL_SECONDS);
            while (process.isAlive() && System.nanoTime() < deadline) {
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

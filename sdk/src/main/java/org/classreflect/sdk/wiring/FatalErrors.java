package org.classreflect.sdk.wiring;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The apps' uncaught-error policy: an {@link Error} that ends any thread (OutOfMemoryError in a worker, say) ends the
 * process, so that its supervisor (systemd, ECS, a container runtime) starts a fresh one and the unfinished job comes
 * back (in local mode at start-up, with a queue of its own through its lease). A JVM after an Error is not trusted to
 * go on: the thread that died may have held a job, a lock or half of a data structure. The process halts rather than
 * exits, because shutdown hooks would wait for jobs on a heap that may have no room left. Exceptions that end a
 * thread are only logged, as the JVM does by default.
 */
public final class FatalErrors {

    /** The exit status of a process ended by this policy (EX_SOFTWARE). */
    public static final int EXIT_STATUS = 70;

    private static final Logger LOG = Logger.getLogger(FatalErrors.class.getName());

    private FatalErrors() {
    }

    public static void endTheProcessOnError() {
        Thread.setDefaultUncaughtExceptionHandler(FatalErrors::uncaught);
    }

    private static void uncaught(Thread thread, Throwable failure) {
        if (!(failure instanceof Error)) {
            LOG.log(Level.SEVERE, "thread " + thread.getName() + " ended with an exception", failure);
            return;
        }
        try {
            System.err.println("FATAL: thread " + thread.getName() + " died of " + failure + "; the process ends");
            LOG.log(Level.SEVERE, "thread " + thread.getName() + " died; the process ends", failure);
        } catch (Throwable ignored) {
            // Nothing is left to report with: halting matters more than the message.
        } finally {
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}

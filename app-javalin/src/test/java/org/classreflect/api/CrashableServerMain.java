package org.classreflect.api;

import java.nio.file.Path;
import org.classreflect.testfixtures.fakes.FakeTranscriber;

/** A local-mode server in its own process whose engine never finishes, so a test can kill it mid-job. */
public final class CrashableServerMain {

    private CrashableServerMain() {
    }

    public static void main(String[] args) throws Exception {
        ClassReflectServer server = TestServers.start(Path.of(args[0]), new FakeTranscriber().blockUntilReleased());
        System.out.println("PORT=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

package org.classreflect.api;

import java.nio.file.Path;
import org.classreflect.core.transcript.Transcriber;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/** Settings for a local-mode server in a test: its own data directory, a free port, quick worker timings. */
public final class TestServers {

    public static final String ADMIN_EMAIL = "admin@school.test";
    public static final String ADMIN_PASSWORD = "admin-kettle-orbit-1";

    private TestServers() {
    }

    public static Settings settings(Path dataDir) {
        return Settings.from(java.util.Map.of(), java.util.Map.of())
                .with(Setting.DATA_DIR, dataDir.toString())
                .with(Setting.HOST, "127.0.0.1")
                .with(Setting.PORT, "0")
                .with(Setting.ADMIN_EMAIL, ADMIN_EMAIL)
                .with(Setting.ADMIN_PASSWORD, ADMIN_PASSWORD)
                .with(Setting.MAX_UPLOAD_MB, "1")
                .with(Setting.WORKER_POLL_WAIT, "100ms")
                .with(Setting.WORKER_RETRY_BACKOFF, "100ms")
                .with(Setting.WORKER_LEASE, "30s")
                .with(Setting.WORKER_SHUTDOWN_GRACE, "1s");
    }

    public static ClassReflectServer start(Path dataDir, Transcriber transcriber) throws Exception {
        return ClassReflectServer.start(settings(dataDir), transcriber, false);
    }

    public static Path sharedAudio(String name) {
        return Path.of(System.getProperty("classreflect.shared", "../../shared"), "audio", name);
    }
}

package org.classreflect.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classreflect.core.metrics.SpeakerEstimator;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.metrics.ProcessMetrics;
import org.classreflect.sdk.wiring.FatalErrors;
import org.classreflect.sdk.wiring.FleetMembership;
import org.classreflect.sdk.wiring.SettingsAdapters;
import org.classreflect.testfixtures.fakes.ScriptedTranscriber;

/**
 * A local-mode server in its own small-heap process, with the apps' uncaught-error policy, whose speaker estimator
 * keeps every sample it reads and asks for more until the JVM throws a real OutOfMemoryError in the worker thread.
 */
public final class OutOfMemoryServerMain {

    private OutOfMemoryServerMain() {
    }

    public static void main(String[] args) throws Exception {
        FatalErrors.endTheProcessOnError();
        Settings settings = TestServers.settings(Path.of(args[0]));
        SpeakerEstimator hoarder = (utterances, audio) -> {
            List<float[]> kept = new ArrayList<>();
            audio.stream(chunk -> kept.add(chunk.clone()));
            while (true) {
                kept.add(new float[1 << 20]);
            }
        };
        ProcessMetrics metrics = new ProcessMetrics();
        ClassReflectServer server = ClassReflectServer.start(settings, SettingsAdapters.configure(settings,
                new ScriptedTranscriber(ScriptedTranscriber.SHORT_LESSON), FleetMembership.NONE, metrics)
                .speakerEstimator(hoarder), metrics, false);
        System.out.println("PORT=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}

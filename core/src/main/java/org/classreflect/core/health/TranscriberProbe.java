package org.classreflect.core.health;

import org.classreflect.core.transcript.TranscriberStatus;
import org.classreflect.core.transcript.Transcriber;

/** The transcriber can work: its engine is there and its model is loaded (or loadable). */
public final class TranscriberProbe implements HealthProbe {

    private final Transcriber transcriber;

    public TranscriberProbe(Transcriber transcriber) {
        this.transcriber = transcriber;
    }

    @Override
    public String name() {
        return "transcriber";
    }

    @Override
    public Status check() {
        TranscriberStatus status = transcriber.status();
        String model = status.modelId() == null ? "" : " (" + status.modelId() + ")";
        return new Status(status.ready(), status.engine() + model + ": " + status.detail());
    }
}

package org.classreflect.core.transcript;

/** Whether a transcriber can work now; when it cannot, why, and what would fix it. */
public record TranscriberStatus(boolean ready, String engine, String modelId, String detail) {

    public static TranscriberStatus ready(String engine, String modelId) {
        return new TranscriberStatus(true, engine, modelId, "ready");
    }

    public static TranscriberStatus unavailable(String engine, String why) {
        return new TranscriberStatus(false, engine, null, why);
    }
}

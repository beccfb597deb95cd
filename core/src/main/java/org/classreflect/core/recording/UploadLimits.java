package org.classreflect.core.recording;

/** The largest upload accepted, in bytes (default 500 MB: a long lesson in a generous format). */
public record UploadLimits(long maxBytes) {

    public static final long DEFAULT_MAX_BYTES = 500L * 1024 * 1024;

    public UploadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }
}

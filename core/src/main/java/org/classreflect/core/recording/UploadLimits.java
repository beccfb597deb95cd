package org.classreflect.core.recording;

/**
 * The largest upload accepted, in bytes (default 500 MB: a long lesson in a generous format), and the free space the
 * audio store must keep (default 1 GB): below it uploads are refused as "storage unavailable" (503) rather than
 * failing half-way with a full disk.
 */
public record UploadLimits(long maxBytes, long minFreeBytes) {

    public static final long DEFAULT_MAX_BYTES = 500L * 1024 * 1024;
    public static final long DEFAULT_MIN_FREE_BYTES = 1024L * 1024 * 1024;

    public UploadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes cannot be negative");
        }
    }

    public UploadLimits(long maxBytes) {
        this(maxBytes, DEFAULT_MIN_FREE_BYTES);
    }
}

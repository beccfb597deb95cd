package org.classreflect.core.storage;

/**
 * Whether an audio store can take a new file now, as far as it can tell.
 *
 * @param writable    a small file could be written and deleted just now
 * @param usableBytes free space usable by this process, or {@link #UNKNOWN_SPACE} where the store has no such limit
 *                    or cannot tell (object stores)
 * @param detail      why it is not writable, for operators; empty when it is
 */
public record StoreCapacity(boolean writable, long usableBytes, String detail) {

    public static final long UNKNOWN_SPACE = -1;

    /** What a store that cannot check says: assume it works. */
    public static final StoreCapacity UNKNOWN = new StoreCapacity(true, UNKNOWN_SPACE, "");

    public StoreCapacity {
        detail = detail == null ? "" : detail;
    }

    public static StoreCapacity writable(long usableBytes) {
        return new StoreCapacity(true, usableBytes, "");
    }

    public static StoreCapacity unwritable(String why) {
        return new StoreCapacity(false, UNKNOWN_SPACE, why);
    }

    public boolean spaceKnown() {
        return usableBytes >= 0;
    }

    /**
     * Why a new file should not be stored now, or null when it may: unwritable, or less than {@code minFreeBytes}
     * would be left after {@code incomingBytes}.
     */
    public String refusal(long minFreeBytes, long incomingBytes) {
        String refusal = plainRefusal(minFreeBytes, incomingBytes);
        return refusal != null && !writable ? refusal + " (" + detail + ")" : refusal;
    }

    /**
     * The same refusal without the operator's detail (which names the store's path or bucket and the exception), for
     * the users whose uploads are refused.
     */
    public String plainRefusal(long minFreeBytes, long incomingBytes) {
        if (!writable) {
            return "the audio store cannot be written to";
        }
        if (spaceKnown() && usableBytes - incomingBytes < minFreeBytes) {
            return "the audio store is nearly full: " + usableBytes / (1024 * 1024) + " MB free, "
                    + minFreeBytes / (1024 * 1024) + " MB must stay free";
        }
        return null;
    }
}

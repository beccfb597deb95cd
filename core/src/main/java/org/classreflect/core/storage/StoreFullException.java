package org.classreflect.core.storage;

import java.io.IOException;

/** A write failed because the store's disk is full ("No space left on device") or its quota is used up. */
public class StoreFullException extends IOException {

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether an I/O failure is the file system saying it is full (ENOSPC / EDQUOT), as the JDK words it. */
    public static boolean isFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof StoreFullException
                    || m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}

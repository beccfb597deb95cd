package org.classreflect.core.storage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Port: a store that clients can reach themselves, so large audio goes from the browser straight to storage and
 * back, never through the API process. The API hands out short-lived signed addresses and, when the client says it
 * is done, looks at what arrived before queueing it.
 */
public interface DirectUploads {

    /**
     * A signed address that accepts exactly one upload of {@code sizeBytes} bytes of {@code contentType} under the key
     * until {@code ttl} has passed. The client must send the returned headers with it, unchanged.
     */
    DirectUpload presignUpload(String key, String contentType, long sizeBytes, Duration ttl);

    /** A signed address that reads the audio under the key until {@code ttl} has passed (playback). */
    URI presignDownload(String key, Duration ttl);

    /** What arrived under the key: its size and its first {@code headerBytes} bytes; empty when nothing did. */
    Optional<UploadedObject> inspect(String key, int headerBytes) throws IOException;

    record DirectUpload(URI url, String method, Map<String, String> headers, Instant expiresAt) {

        public DirectUpload {
            headers = Map.copyOf(headers);
        }
    }

    record UploadedObject(long sizeBytes, byte[] header) {

        public UploadedObject {
            header = header.clone();
        }

        @Override
        public byte[] header() {
            return header.clone();
        }
    }
}

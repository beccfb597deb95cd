package org.classreflect.adapters.aws.storage;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.classreflect.core.storage.AudioKeys;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.StoreCapacity;
import org.classreflect.core.storage.DirectUploads;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Audio kept as S3 objects under a key prefix, encrypted at rest (SSE-S3, or SSE-KMS with a configured key). A put
 * streams through one fixed part buffer: content that fits in it is sent with a single PutObject, anything larger as
 * a multipart upload part by part, so memory stays at one part whatever the file size. A multipart upload that fails
 * is aborted, so neither an object nor stored parts are left behind, and an existing object keeps its old content.
 */
public final class S3AudioStore implements AudioStore, DirectUploads {

    /** S3's smallest part (every part but the last must be at least this long). */
    public static final int MIN_PART_BYTES = 5 * 1024 * 1024;
    public static final int DEFAULT_PART_BYTES = 8 * 1024 * 1024;

    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9._-]+/)*");

    /**
     * @param prefix   prepended to every key, empty or ending with a slash ({@code audio/})
     * @param kmsKeyId the KMS key for SSE-KMS; empty means SSE-S3 (AES256 with keys S3 manages)
     */
    public record Config(String bucket, String prefix, Optional<String> kmsKeyId, int partBytes) {

        public Config {
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.isBlank()) {
                throw new IllegalArgumentException("the bucket name is missing");
            }
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("a key prefix is empty or path segments ending with '/': " + prefix);
            }
            if (partBytes < MIN_PART_BYTES) {
                throw new IllegalArgumentException("parts are at least " + MIN_PART_BYTES + " bytes (S3's minimum)");
            }
        }

        public static Config of(String bucket, String prefix, Optional<String> kmsKeyId) {
            return new Config(bucket, prefix, kmsKeyId, DEFAULT_PART_BYTES);
        }
    }

    /** Valid as an audio key but never one: recordings are keyed by their UUIDs. */
    private static final String WRITE_PROBE_KEY = "write-probe";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final Config config;

    public S3AudioStore(S3Client s3, S3Presigner presigner, Config config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.config = config;
    }

    @Override
    public void put(String key, InputStream content) throws IOException {
        String objectKey = objectKey(key);
        byte[] part = new byte[config.partBytes()];
        int length = content.readNBytes(part, 0, part.length);
        try {
            if (length < part.length) {
                s3.putObject(encrypted(PutObjectRequest.builder().bucket(config.bucket()).key(objectKey)).build(),
                        body(part, length));
            } else {
                putMultipart(objectKey, content, part);
            }
        } catch (SdkException e) {
            throw new IOException("could not store " + objectKey + " in S3: " + e.getMessage(), e);
        }
    }

    /** The first part is already in the buffer and full. */
    private void putMultipart(String objectKey, InputStream content, byte[] part) throws IOException {
        var create = CreateMultipartUploadRequest.builder().bucket(config.bucket()).key(objectKey);
        config.kmsKeyId().ifPresentOrElse(
                kms -> create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kms),
                () -> create.serverSideEncryption(ServerSideEncryption.AES256));
        String uploadId = s3.createMultipartUpload(create.build()).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int length = part.length; length > 0; length = content.readNBytes(part, 0, part.length)) {
                int number = parts.size() + 1;
                long partLength = length;
                String eTag = s3.uploadPart(b -> b.bucket(config.bucket()).key(objectKey).uploadId(uploadId)
                        .partNumber(number).contentLength(partLength), body(part, length)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(config.bucket()).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException | Error e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(config.bucket()).key(objectKey).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            return s3.getObject(b -> b.bucket(config.bucket()).key(objectKey));
        } catch (NoSuchKeyException e) {
            throw missing(objectKey);
        } catch (SdkException e) {
            throw new IOException("could not read " + objectKey + " from S3: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(config.bucket()).key(objectKey));
        } catch (SdkException e) {
            throw new IOException("could not delete " + objectKey + " from S3: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        return head(objectKey(key)).isPresent();
    }

    /**
     * The objects under the prefix whose names are audio keys (nothing in a "subfolder"), listed a page of 1,000 at a
     * time as the stream is read. The prefix is the audio's own: whatever is stored under it is taken for audio.
     */
    @Override
    public Stream<StoredAudio> stored() throws IOException {
        try {
            return s3.listObjectsV2Paginator(b -> b.bucket(config.bucket()).prefix(config.prefix())).contents()
                    .stream()
                    .filter(object -> AudioKeys.isValid(object.key().substring(config.prefix().length())))
                    .map(object -> new StoredAudio(object.key().substring(config.prefix().length()), object.size(),
                            object.lastModified()));
        } catch (SdkException e) {
            throw new IOException("could not list s3://" + config.bucket() + "/" + config.prefix() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writability only: a one-byte object is stored and deleted under the prefix (a bucket policy, a missing bucket
     * or a KMS key the role may not use all show here). Space is not a concern for S3, so it is unknown.
     */
    @Override
    public StoreCapacity capacity() {
        try {
            put(WRITE_PROBE_KEY, new java.io.ByteArrayInputStream(new byte[] {0}));
            delete(WRITE_PROBE_KEY);
            return StoreCapacity.UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return StoreCapacity.unwritable("s3://" + config.bucket() + "/" + config.prefix() + ": " + e.getMessage());
        }
    }

    @Override
    public DirectUpload presignUpload(String key, String contentType, long sizeBytes, Duration ttl) {
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("an upload has at least one byte");
        }
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(encrypted(PutObjectRequest.builder().bucket(config.bucket()).key(objectKey(key))
                        .contentType(contentType).contentLength(sizeBytes)).build()));
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new DirectUpload(toUri(signed.url()), signed.httpRequest().method().name(), headers,
                signed.expiration());
    }

    @Override
    public URI presignDownload(String key, Duration ttl) {
        String objectKey = objectKey(key);
        return toUri(presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(g -> g.bucket(config.bucket()).key(objectKey))).url());
    }

    @Override
    public Optional<UploadedObject> inspect(String key, int headerBytes) throws IOException {
        String objectKey = objectKey(key);
        Optional<HeadObjectResponse> head = head(objectKey);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long size = head.get().contentLength();
        if (size == 0 || headerBytes == 0) {
            return Optional.of(new UploadedObject(size, new byte[0]));
        }
        try {
            ResponseBytes<GetObjectResponse> first = s3.getObjectAsBytes(b -> b.bucket(config.bucket())
                    .key(objectKey).range("bytes=0-" + (Math.min(size, headerBytes) - 1)));
            return Optional.of(new UploadedObject(size, first.asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("could not read " + objectKey + " from S3: " + e.getMessage(), e);
        }
    }

    private Optional<HeadObjectResponse> head(String objectKey) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(config.bucket()).key(objectKey)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("could not look up " + objectKey + " in S3: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("could not look up " + objectKey + " in S3: " + e.getMessage(), e);
        }
    }

    private PutObjectRequest.Builder encrypted(PutObjectRequest.Builder request) {
        return config.kmsKeyId()
                .map(kms -> request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kms))
                .orElseGet(() -> request.serverSideEncryption(ServerSideEncryption.AES256));
    }

    /** A body over the buffer without copying it; ByteArrayInputStream can be reset, so the SDK may retry. */
    private static RequestBody body(byte[] buffer, int length) {
        return RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, length), length);
    }

    private String objectKey(String key) {
        AudioKeys.requireValid(key);
        return config.prefix() + key;
    }

    private static FileNotFoundException missing(String objectKey) {
        return new FileNotFoundException("no audio in S3 under " + objectKey);
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK signed an address that is not a URI: " + url, e);
        }
    }
}

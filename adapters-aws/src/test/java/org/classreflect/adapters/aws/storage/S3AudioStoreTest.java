package org.classreflect.adapters.aws.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.classreflect.adapters.aws.TestAws;
import org.classreflect.core.storage.AudioStore;
import org.classreflect.core.storage.DirectUploads.DirectUpload;
import org.classreflect.core.storage.DirectUploads.UploadedObject;
import org.classreflect.testfixtures.contracts.AudioStoreContract;
import org.classreflect.testfixtures.fakes.GeneratedStream;
import org.classreflect.testfixtures.servers.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class S3AudioStoreTest extends AudioStoreContract {

    private static final String BUCKET = S3ProxyServer.shared().createBucket("classreflect-audio");
    private static final int PART = S3AudioStore.MIN_PART_BYTES;
    private static final S3Client S3 = TestAws.s3(S3ProxyServer.shared().endpoint());
    private static final S3Presigner PRESIGNER = TestAws.presigner(S3ProxyServer.shared().endpoint());
    private static final Set<String> HTTP_MANAGED_HEADERS = Set.of("content-length", "host");

    private final HttpClient http = HttpClient.newHttpClient();
    private String prefix;

    @AfterAll
    static void closeClients() {
        S3.close();
        PRESIGNER.close();
    }

    @Override
    protected AudioStore newStore() {
        return newS3Store(Optional.empty());
    }

    private S3AudioStore newS3Store(Optional<String> kmsKeyId) {
        prefix = "test-" + UUID.randomUUID() + "/audio/";
        return new S3AudioStore(S3, PRESIGNER, new S3AudioStore.Config(BUCKET, prefix, kmsKeyId, PART));
    }

    @Test
    void listsOnlyTheAudioUnderItsOwnPrefix() throws Exception {
        store.put("lesson-1", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
        S3.putObject(b -> b.bucket(BUCKET).key(prefix + "nested/lesson-2"), RequestBody.fromString("x"));
        S3.putObject(b -> b.bucket(BUCKET).key(prefix.replace("/audio/", "/other/") + "lesson-3"),
                RequestBody.fromString("x"));

        try (java.util.stream.Stream<AudioStore.StoredAudio> stored = store.stored()) {
            assertThat(stored).extracting(AudioStore.StoredAudio::key).containsExactly("lesson-1");
        }
    }

    @Test
    void aStreamOfSeveralPartsIsUploadedPartByPartAndReadsBackUnchanged() throws Exception {
        long length = 2L * PART + 12345;

        store.put("long-lesson", new GeneratedStream(length, 1, Long.MAX_VALUE));

        HeadObjectResponse head = head("long-lesson");
        assertThat(head.contentLength()).isEqualTo(length);
        assertThat(head.eTag()).as("a multipart ETag ends with the part count").endsWith("-3\"");
        try (InputStream in = store.open("long-lesson")) {
            assertThat(GeneratedStream.sha256(in))
                    .isEqualTo(GeneratedStream.sha256(new GeneratedStream(length, 1, Long.MAX_VALUE)));
        }
    }

    @Test
    void aMultipartUploadThatFailsIsAbortedLeavingNeitherObjectNorParts() {
        assertThatThrownBy(() -> store.put("broken-lesson", new GeneratedStream(3L * PART, 1, PART + PART / 2)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("went away");

        assertThat(S3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()).isEmpty();
        assertThat(S3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                .noneMatch(u -> u.key().startsWith(prefix));
    }

    @Test
    void objectsAreEncryptedWithS3ManagedKeysByDefault() throws Exception {
        store.put("small", text("a short recording"));
        store.put("large", new GeneratedStream(PART + 1, 1, Long.MAX_VALUE));

        assertThat(head("small").serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head("large").serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void aConfiguredKmsKeyEncryptsSmallAndMultipartObjects() throws Exception {
        String kmsKey = "arn:aws:kms:us-east-1:000000000000:key/classreflect-test";
        store = newS3Store(Optional.of(kmsKey));

        store.put("small", text("a short recording"));
        store.put("large", new GeneratedStream(PART + 1, 1, Long.MAX_VALUE));

        for (String key : new String[] {"small", "large"}) {
            assertThat(head(key).serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head(key).ssekmsKeyId()).as(key).isEqualTo(kmsKey);
        }
    }

    @Test
    void aBrowserUploadsThroughAPresignedPutAndPlaysBackThroughAPresignedGet() throws Exception {
        S3AudioStore s3Store = (S3AudioStore) store;
        byte[] audio = "RIFF\0\0\0\0WAVEfmt the rest of a wav file".getBytes(StandardCharsets.US_ASCII);

        DirectUpload upload = s3Store.presignUpload("direct", "audio/wav", audio.length, Duration.ofMinutes(5));
        HttpResponse<String> put = http.send(signedPut(upload.url(), upload, audio), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.method()).isEqualTo("PUT");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(head("direct").serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        UploadedObject arrived = s3Store.inspect("direct", 16).orElseThrow();
        assertThat(arrived.sizeBytes()).isEqualTo(audio.length);
        assertThat(new String(arrived.header(), StandardCharsets.US_ASCII)).isEqualTo("RIFF\0\0\0\0WAVEfmt ");

        URI playback = s3Store.presignDownload("direct", Duration.ofMinutes(5));
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(playback).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(audio);
    }

    @Test
    void aTamperedPresignedPutIsRefusedAndStoresNothing() throws Exception {
        S3AudioStore s3Store = (S3AudioStore) store;
        byte[] audio = "ID3 pretend mp3 content".getBytes(StandardCharsets.US_ASCII);
        DirectUpload upload = s3Store.presignUpload("signed-key", "audio/mpeg", audio.length, Duration.ofMinutes(5));

        URI otherKey = URI.create(upload.url().toString().replace("signed-key", "other-key"));
        HttpResponse<String> redirected = http.send(signedPut(otherKey, upload, audio),
                HttpResponse.BodyHandlers.ofString());
        byte[] longer = (new String(audio, StandardCharsets.US_ASCII) + " and more").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> oversized = http.send(signedPut(upload.url(), upload, longer),
                HttpResponse.BodyHandlers.ofString());

        assertThat(redirected.statusCode()).isEqualTo(403);
        assertThat(oversized.statusCode()).isEqualTo(403);
        assertThat(s3Store.inspect("signed-key", 16)).isEmpty();
        assertThat(s3Store.inspect("other-key", 16)).isEmpty();
    }

    @Test
    void inspectingAnEmptyObjectGivesItsSizeAndNoHeader() throws Exception {
        S3AudioStore s3Store = (S3AudioStore) store;
        store.put("empty", new ByteArrayInputStream(new byte[0]));

        assertThat(s3Store.inspect("empty", 16)).get().extracting(UploadedObject::sizeBytes).isEqualTo(0L);
        assertThat(s3Store.inspect("empty", 16).orElseThrow().header()).isEmpty();
    }

    @Test
    void configurationRefusesPartsBelowTheS3MinimumAndMalformedPrefixes() {
        assertThatThrownBy(() -> new S3AudioStore.Config(BUCKET, "", Optional.empty(), 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3AudioStore.Config(BUCKET, "no-slash", Optional.empty(), PART))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3AudioStore.Config(BUCKET, "/leading/", Optional.empty(), PART))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpRequest signedPut(URI url, DirectUpload upload, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.headers().forEach((name, value) -> {
            if (!HTTP_MANAGED_HEADERS.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        return request.build();
    }

    private HeadObjectResponse head(String key) {
        return S3.headObject(b -> b.bucket(BUCKET).key(prefix + key));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}

package org.classreflect.testfixtures.servers;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An in-process S3 (S3Proxy over an in-memory blob store) on a free loopback port, started once per JVM. It checks
 * SigV4 signatures, so requests must be signed with {@link #ACCESS_KEY} and {@link #SECRET_KEY}, and a tampered
 * presigned address is refused with 403.
 */
public final class S3ProxyServer {

    public static final String ACCESS_KEY = "classreflect-test-access-key";
    public static final String SECRET_KEY = "classreflect-test-secret-key";
    public static final String REGION = "us-east-1";

    private static S3ProxyServer shared;

    private final BlobStore blobStore;
    private final URI endpoint;

    private S3ProxyServer(BlobStore blobStore, URI endpoint) {
        this.blobStore = blobStore;
        this.endpoint = endpoint;
    }

    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static S3ProxyServer start() {
        BlobStore store = new TransientNio2BlobStore();
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start; state " + proxy.getState());
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new S3ProxyServer(store, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates the bucket (if it is not there yet) and returns its name. */
    public String createBucket(String name) {
        if (!blobStore.containerExists(name)) {
            blobStore.createContainer(name);
        }
        return name;
    }

    /** The store behind the server, to look at what a test left (objects, multipart uploads in progress). */
    public BlobStore blobStore() {
        return blobStore;
    }
}

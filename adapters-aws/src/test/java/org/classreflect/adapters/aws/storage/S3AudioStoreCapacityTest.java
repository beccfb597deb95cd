package org.classreflect.adapters.aws.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.classreflect.adapters.aws.TestAws;
import org.classreflect.core.storage.StoreCapacity;
import org.classreflect.testfixtures.servers.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 store's capacity is writability only: a probe object is written and removed; space stays unknown. */
class S3AudioStoreCapacityTest {

    private static final String BUCKET = S3ProxyServer.shared().createBucket("classreflect-capacity");
    private static final S3Client S3 = TestAws.s3(S3ProxyServer.shared().endpoint());
    private static final S3Presigner PRESIGNER = TestAws.presigner(S3ProxyServer.shared().endpoint());

    @AfterAll
    static void closeClients() {
        S3.close();
        PRESIGNER.close();
    }

    @Test
    void aWritableBucketIsWritableWithUnknownSpaceAndKeepsNoProbeObject() {
        String prefix = "test-" + UUID.randomUUID() + "/audio/";
        StoreCapacity capacity = new S3AudioStore(S3, PRESIGNER,
                S3AudioStore.Config.of(BUCKET, prefix, Optional.empty())).capacity();

        assertThat(capacity.writable()).isTrue();
        assertThat(capacity.spaceKnown()).isFalse();
        assertThat(S3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()).isEmpty();
    }

    @Test
    void aMissingBucketIsUnwritable() {
        StoreCapacity capacity = new S3AudioStore(S3, PRESIGNER,
                S3AudioStore.Config.of("no-such-bucket-" + UUID.randomUUID(), "audio/", Optional.empty())).capacity();

        assertThat(capacity.writable()).isFalse();
        assertThat(capacity.refusal(0, 0)).contains("cannot be written").contains("no-such-bucket");
    }
}

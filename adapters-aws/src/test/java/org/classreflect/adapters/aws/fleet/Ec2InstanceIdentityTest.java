package org.classreflect.adapters.aws.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.classreflect.testfixtures.servers.FakeImds;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.imds.Ec2MetadataClient;

class Ec2InstanceIdentityTest {

    @Test
    void readsTheInstanceIdAndRegionThroughAnImdsV2Session() {
        try (FakeImds imds = FakeImds.start().instanceId("i-0feedfacecafe0001").region("eu-central-1");
             Ec2MetadataClient client = FakeAwsClients.imds(imds.endpoint())) {
            Ec2InstanceIdentity identity = new Ec2InstanceIdentity(client);

            assertThat(identity.instanceId()).isEqualTo("i-0feedfacecafe0001");
            assertThat(identity.region()).isEqualTo("eu-central-1");
        }
    }
}

package org.classreflect.adapters.aws.fleet;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.imds.Ec2MetadataClient;

/** Who this EC2 instance is, from the instance metadata service (IMDSv2, through the SDK's client). */
public final class Ec2InstanceIdentity {

    private final Ec2MetadataClient imds;

    public Ec2InstanceIdentity(Ec2MetadataClient imds) {
        this.imds = imds;
    }

    /** The identity from the metadata service of the instance this runs on, or of {@code endpointOverride}. */
    public static Ec2InstanceIdentity connect(Optional<URI> endpointOverride) {
        Ec2MetadataClient.Builder builder = Ec2MetadataClient.builder();
        endpointOverride.ifPresent(builder::endpoint);
        return new Ec2InstanceIdentity(builder.build());
    }

    public String instanceId() {
        return read("/latest/meta-data/instance-id");
    }

    public String region() {
        return read("/latest/meta-data/placement/region");
    }

    private String read(String path) {
        return imds.get(path).asString().trim();
    }
}

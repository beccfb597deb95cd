package org.classreflect.adapters.aws.fleet;

import java.time.Instant;

/** EC2's two-minute warning: the instance will be stopped, hibernated or terminated ({@code action}) at {@code time}. */
public record SpotInterruption(String action, Instant time) {
}

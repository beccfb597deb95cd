package org.classreflect.core.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/** Asks every probe; ready only when all are up. A probe that throws counts as down, with its message. */
public final class CheckReadiness {

    public record Report(boolean ready, Map<String, HealthProbe.Status> checks) {
    }

    private final Set<HealthProbe> probes;

    public CheckReadiness(Set<HealthProbe> probes) {
        TreeSet<HealthProbe> sorted = new TreeSet<>(Comparator.comparing(HealthProbe::name));
        sorted.addAll(probes);
        this.probes = sorted;
    }

    public Report execute() {
        Map<String, HealthProbe.Status> checks = new LinkedHashMap<>();
        for (HealthProbe probe : probes) {
            HealthProbe.Status status;
            try {
                status = probe.check();
            } catch (RuntimeException e) {
                status = new HealthProbe.Status(false, String.valueOf(e.getMessage()));
            }
            checks.put(probe.name(), status);
        }
        return new Report(checks.values().stream().allMatch(HealthProbe.Status::up), checks);
    }
}

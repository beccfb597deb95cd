package org.classreflect.worker.wiring;

import java.util.Locale;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.worker.config.Setting;
import org.classreflect.worker.config.Settings;

/** Chooses the worker fleet the scaler manages from the settings. */
public final class Fleets {

    private Fleets() {
    }

    public static WorkerFleet fromSettings(Settings settings) {
        String fleet = settings.text(Setting.FLEET).toLowerCase(Locale.ROOT);
        switch (fleet) {
            case "none" -> throw new IllegalStateException("no worker fleet is configured (" + name() + "=none): "
                    + "the scaler starts and stops worker hosts, so set " + name() + " to ec2 or ecs. In local mode "
                    + "the API process runs its own workers and needs no scaler");
            case "ec2" -> throw missingAdapter("ec2", "the EC2 fleet adapter (Ec2WorkerFleet in adapters-aws)");
            case "ecs" -> throw missingAdapter("ecs", "the ECS fleet adapter (EcsWorkerFleet in adapters-aws)");
            default -> throw new IllegalArgumentException(name() + " must be none, ec2 or ecs, not " + fleet);
        }
    }

    private static IllegalStateException missingAdapter(String fleet, String adapter) {
        return new IllegalStateException(name() + "=" + fleet + " needs " + adapter
                + ", which is not wired into this build yet");
    }

    private static String name() {
        return Setting.FLEET.environmentName();
    }
}

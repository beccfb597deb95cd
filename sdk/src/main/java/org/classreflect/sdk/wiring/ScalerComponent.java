package org.classreflect.sdk.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.classreflect.core.scaling.ScaleFleet;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.sdk.config.Settings;

/** The scaler's object graph: the job queue from the settings, and the fleet chosen by {@link Fleets}. */
@Singleton
@Component(modules = {SettingsModule.class, AdaptersModule.class})
public interface ScalerComponent {

    ScaleFleet scaleFleet();

    @Component.Factory
    interface Factory {
        ScalerComponent create(@BindsInstance Settings settings, @BindsInstance WorkerFleet fleet,
                               @BindsInstance FleetMembership membership);
    }
}

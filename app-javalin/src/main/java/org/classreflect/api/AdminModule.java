package org.classreflect.api;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.classreflect.core.admin.InProcessWorkers;
import org.classreflect.core.scaling.CostModel;
import org.classreflect.core.scaling.InstancePrice;
import org.classreflect.core.scaling.WorkerFleet;
import org.classreflect.core.system.SpeechModels;
import org.classreflect.sdk.config.Mode;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.CatalogueSpeechModels;
import org.classreflect.sdk.wiring.Fleets;
import org.classreflect.sdk.WorkerRuntime;

/** What the super admin's pages read: usage figures, the cost model, the speech models, the workers and fleet. */
@Module
abstract class AdminModule {

    private AdminModule() {
    }

    @Binds
    abstract InProcessWorkers inProcessWorkers(WorkerRuntime runtime);

    @Provides
    static SpeechModels speechModels(Settings settings) {
        return new CatalogueSpeechModels(settings);
    }

    /** The core's default cost model, with the worker price the scaler is configured with. */
    @Provides
    static CostModel costModel(Settings settings) {
        double price = settings.decimal(Setting.SCALE_WORKER_PRICE_PER_HOUR);
        InstancePrice standard = InstancePrice.T3_XLARGE;
        return CostModel.DEFAULTS.withInstance(price == standard.onDemandPerHour() ? standard
                : new InstancePrice("worker at $" + String.format(Locale.ROOT, "%.4f", price) + "/h",
                        price, standard.spotDiscount()));
    }

    /** The worker hosts of AWS mode, when a fleet is configured; local mode runs its workers in the process. */
    @Provides
    @Singleton
    static Optional<WorkerFleet> fleet(Settings settings) {
        if (settings.mode() != Mode.AWS || settings.text(Setting.FLEET).equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(Fleets.fromSettings(settings));
    }
}

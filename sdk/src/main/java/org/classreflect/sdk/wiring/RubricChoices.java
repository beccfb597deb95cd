package org.classreflect.sdk.wiring;

import java.util.Locale;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/**
 * A super admin's language-model choice laid over the deployment's settings, keeping the core's rule on where the
 * deployment's API key may go ({@link RubricChoice#mayCarryDeploymentKey}).
 */
public final class RubricChoices {

    private RubricChoices() {
    }

    /** The deployment's own choice, as its settings make it. */
    public static RubricChoice deployment(Settings settings) {
        String provider = settings.text(Setting.RUBRIC_PROVIDER).toLowerCase(Locale.ROOT);
        return new RubricChoice(provider, provider.equals(RubricChoice.OPENAI) ? settings.text(Setting.RUBRIC_BASE_URL)
                : null, settings.optional(Setting.RUBRIC_MODEL).orElse(null));
    }

    /** The settings the language model is built from when this choice is in force; null keeps the deployment's. */
    public static Settings apply(Settings deployment, RubricChoice choice) {
        if (choice == null) {
            return deployment;
        }
        Settings chosen = deployment.with(Setting.RUBRIC_PROVIDER, choice.provider())
                .with(Setting.RUBRIC_MODEL, choice.model() == null ? "" : choice.model());
        if (choice.provider().equals(RubricChoice.OPENAI)) {
            chosen = chosen.with(Setting.RUBRIC_BASE_URL, choice.baseUrl());
        }
        return sendsApiKey(deployment, choice) ? chosen : chosen.with(Setting.RUBRIC_API_KEY, "");
    }

    /** Whether the deployment's API key goes with requests under this choice (null: the deployment's own). */
    public static boolean sendsApiKey(Settings deployment, RubricChoice choice) {
        if (deployment.optional(Setting.RUBRIC_API_KEY).isEmpty()) {
            return false;
        }
        return RubricChoice.mayCarryDeploymentKey(choice, deployment.text(Setting.RUBRIC_BASE_URL));
    }
}

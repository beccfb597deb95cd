package org.classreflect.api.views;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.classreflect.core.system.ManageSystemChoices;
import org.classreflect.core.system.RubricChoice;
import org.classreflect.core.system.SpeechModel;
import org.classreflect.core.system.SystemChoices;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.wiring.RubricChoices;

/**
 * The system settings as the super admin's page shows them: what can change while the system runs (the Whisper
 * model, the language model for rubric feedback), with the deployment's value beside the chosen one, and what only
 * the deployment's environment sets, read-only with the variable that sets it. Never a secret: of the API key only
 * whether one is configured and whether it goes with the requests.
 */
public record SystemSettingsView(Transcription transcription, Rubric rubric, List<Fixed> fixed, Instant updatedAt,
                                 String updatedBy) {

    /** {@code chosenModel} null: the deployment's model ({@code deploymentModel}, a file name) is used. */
    public record Transcription(String engine, boolean modelsChoosable, String chosenModel, String deploymentModel,
                                List<Model> models) {
    }

    public record Model(String name, String summary, Long sizeBytes, boolean englishOnly, String availability,
                        boolean deploymentDefault) {
    }

    /**
     * {@code chosen} null: the deployment's choice is in force. The API key goes only to {@code apiKeyBaseUrl}, the
     * deployment's own base URL (null when no key is configured).
     */
    public record Rubric(Choice chosen, Choice deployment, Choice inForce, boolean apiKeyConfigured,
                         String apiKeyBaseUrl, boolean apiKeySent) {
    }

    public record Choice(String provider, String baseUrl, String model) {
        static Choice of(RubricChoice c) {
            return c == null ? null : new Choice(c.provider(), c.baseUrl(), c.model());
        }
    }

    /** A setting only the environment changes (a restart applies it). */
    public record Fixed(String setting, String value, String meaning) {
    }

    /** Settings that shape the work but are read once at start-up; none of them is a secret. */
    private static final List<Setting> FIXED = List.of(Setting.MODE, Setting.ENGINE, Setting.WHISPER_MODEL,
            Setting.MODELS_DIR, Setting.WHISPER_LANGUAGE, Setting.WHISPER_THREADS, Setting.WHISPER_WINDOW,
            Setting.WORKER_THREADS, Setting.WORKER_MAX_ATTEMPTS, Setting.MAX_UPLOAD_MB, Setting.MAX_DURATION,
            Setting.AUDIO_RETENTION, Setting.AUDIO_RETENTION_MAX, Setting.RUBRIC_JSON_MODE, Setting.RUBRIC_TIMEOUT,
            Setting.RUBRIC_MAX_ATTEMPTS,
            Setting.BEDROCK_REGION, Setting.FLEET, Setting.SCALE_WORKER_PRICE_PER_HOUR);

    public static SystemSettingsView of(ManageSystemChoices.Overview overview, Settings settings) {
        SystemChoices choices = overview.choices();
        RubricChoice deployment = RubricChoices.deployment(settings);
        RubricChoice inForce = choices.rubric() == null ? deployment : choices.rubric();
        var transcription = new Transcription(overview.engine(), !overview.models().isEmpty(),
                choices.transcriptionModel(), settings.whisperModel().getFileName().toString(),
                overview.models().stream().map(SystemSettingsView::model).toList());
        var rubric = new Rubric(Choice.of(choices.rubric()), Choice.of(deployment), Choice.of(inForce),
                settings.optional(Setting.RUBRIC_API_KEY).isPresent(),
                settings.optional(Setting.RUBRIC_API_KEY).map(key -> settings.text(Setting.RUBRIC_BASE_URL))
                        .orElse(null),
                RubricChoices.sendsApiKey(settings, choices.rubric()));
        List<Fixed> fixed = FIXED.stream().map(s -> new Fixed(s.environmentName(),
                s == Setting.WHISPER_MODEL ? settings.whisperModel().toString() : settings.text(s),
                s.description())).toList();
        return new SystemSettingsView(transcription, rubric, fixed, choices.updatedAt(), choices.updatedBy());
    }

    private static Model model(SpeechModel m) {
        return new Model(m.name(), m.summary(), m.sizeBytes(), m.englishOnly(),
                m.availability().name().toLowerCase(Locale.ROOT), m.deploymentDefault());
    }
}

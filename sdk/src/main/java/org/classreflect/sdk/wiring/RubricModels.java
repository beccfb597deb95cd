package org.classreflect.sdk.wiring;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.classreflect.adapters.aws.bedrock.BedrockChatModel;
import org.classreflect.adapters.aws.bedrock.BedrockChatSettings;
import org.classreflect.adapters.openai.JacksonJsonReader;
import org.classreflect.adapters.openai.OpenAiChatSettings;
import org.classreflect.adapters.openai.OpenAiCompatibleChatModel;
import org.classreflect.core.rubric.ChatModel;
import org.classreflect.core.rubric.ChatRetrySettings;
import org.classreflect.core.rubric.RubricAnalyzer;
import org.classreflect.core.rubric.RubricFeedback;
import org.classreflect.core.rubric.RubricSettings;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;

/** Chooses the language model for rubric feedback from the settings; none means no rubric feedback. */
public final class RubricModels {

    private RubricModels() {
    }

    public static Optional<RubricAnalyzer> fromSettings(Settings settings) {
        String provider = settings.text(Setting.RUBRIC_PROVIDER).toLowerCase(Locale.ROOT);
        if (provider.equals("none")) {
            return Optional.empty();
        }
        ChatModel model = switch (provider) {
            case "openai" -> openAi(settings);
            case "bedrock" -> bedrock(settings);
            default -> throw new IllegalArgumentException(
                    Setting.RUBRIC_PROVIDER.environmentName() + " must be none, openai or bedrock");
        };
        RubricSettings rubric = new RubricSettings(settings.integer(Setting.RUBRIC_MAX_ATTEMPTS),
                settings.duration(Setting.RUBRIC_TIMESTAMP_TOLERANCE));
        return Optional.of(new RubricFeedback(model, new JacksonJsonReader(), rubric));
    }

    private static ChatModel openAi(Settings settings) {
        return new OpenAiCompatibleChatModel(new OpenAiChatSettings(URI.create(settings.text(Setting.RUBRIC_BASE_URL)),
                settings.optional(Setting.RUBRIC_API_KEY), model(settings),
                settings.duration(Setting.RUBRIC_TIMEOUT), flag(settings, Setting.RUBRIC_JSON_MODE), retries(settings)));
    }

    private static ChatModel bedrock(Settings settings) {
        return BedrockChatModel.withDefaultCredentials(new BedrockChatSettings(settings.optional(Setting.BEDROCK_REGION),
                settings.optional(Setting.BEDROCK_ENDPOINT).map(URI::create), model(settings),
                settings.duration(Setting.RUBRIC_TIMEOUT), retries(settings)));
    }

    private static ChatRetrySettings retries(Settings settings) {
        return new ChatRetrySettings(settings.integer(Setting.RUBRIC_REQUEST_ATTEMPTS),
                settings.duration(Setting.RUBRIC_RETRY_BACKOFF), settings.duration(Setting.RUBRIC_RETRY_MAX_WAIT));
    }

    private static String model(Settings settings) {
        return settings.optional(Setting.RUBRIC_MODEL).orElseThrow(() -> new IllegalArgumentException(
                Setting.RUBRIC_MODEL.environmentName() + " must name the model when "
                        + Setting.RUBRIC_PROVIDER.environmentName() + " is " + settings.text(Setting.RUBRIC_PROVIDER)));
    }

    private static boolean flag(Settings settings, Setting setting) {
        return switch (settings.text(setting).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(setting.environmentName() + " must be true or false");
        };
    }
}

package org.classreflect.sdk.wiring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classreflect.adapters.speech.whisper.CatalogueModel;
import org.classreflect.adapters.speech.whisper.ModelCatalogue;
import org.classreflect.core.system.SpeechModel;
import org.classreflect.core.system.SpeechModel.Availability;
import org.classreflect.core.system.SpeechModels;
import org.classreflect.sdk.config.Mode;
import org.classreflect.sdk.config.Setting;
import org.classreflect.sdk.config.Settings;
import org.classreflect.sdk.config.WhisperSettings;

/**
 * The engine named by the settings and, for Whisper, the model catalogue with what the models directory holds. In
 * AWS mode the workers run on hosts of their own, so whether they hold a model cannot be seen from here.
 */
public final class CatalogueSpeechModels implements SpeechModels {

    public static final String WHISPER = "whisper";

    private final Settings settings;

    public CatalogueSpeechModels(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String engine() {
        return settings.text(Setting.ENGINE);
    }

    @Override
    public List<SpeechModel> catalogue() {
        if (!engine().equals(WHISPER)) {
            return List.of();
        }
        Path dir = WhisperSettings.modelsDir(settings);
        String defaultFile = settings.whisperModel().getFileName().toString();
        return ModelCatalogue.all().stream().map(m -> new SpeechModel(m.name(), m.summary(),
                m.sizeBytes().isPresent() ? m.sizeBytes().getAsLong() : null, m.englishOnly(),
                availability(dir, m), m.fileName().equals(defaultFile))).toList();
    }

    private Availability availability(Path dir, CatalogueModel model) {
        if (settings.mode() == Mode.AWS) {
            return Availability.UNKNOWN;
        }
        return Files.isRegularFile(dir.resolve(model.fileName())) ? Availability.INSTALLED : Availability.NOT_INSTALLED;
    }
}

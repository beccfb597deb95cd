package org.classreflect.adapters.speech.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WhisperModelCatalogueTest {

    @Test
    void theCatalogueHasTheUsualModelsAndTheirQuantisedVariantsOnceEach() {
        assertThat(ModelCatalogue.all()).extracting(CatalogueModel::name)
                .doesNotHaveDuplicates()
                .contains("tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "large-v3-turbo",
                        "tiny.en-q5_1", "base.en-q5_1", "small.en-q5_1", "medium-q5_0", "large-v3-turbo-q5_0");
        assertThat(ModelCatalogue.all()).extracting(m -> m.sha256().orElse(null)).doesNotHaveDuplicates();
    }

    @Test
    void modelsAreFetchedFromTheWhisperCppHostByFileName() {
        CatalogueModel model = ModelCatalogue.find("small.en-q5_1").orElseThrow();

        assertThat(model.fileName()).isEqualTo("ggml-small.en-q5_1.bin");
        assertThat(model.englishOnly()).isTrue();
        assertThat(ModelCatalogue.find("medium-q5_0").orElseThrow().englishOnly()).isFalse();
        assertThat(new ModelDownloader(ModelCatalogue.DEFAULT_BASE_URI).urlOf(model)).isEqualTo(URI.create(
                "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/ggml-small.en-q5_1.bin"));
        assertThat(new ModelDownloader(URI.create("http://127.0.0.1:9/mirror")).urlOf(model))
                .isEqualTo(URI.create("http://127.0.0.1:9/mirror/ggml-small.en-q5_1.bin"));
    }

    @Test
    void theSizesAgreeWithThePublishedOrderOfMagnitude() {
        assertThat(ModelCatalogue.find("tiny.en").orElseThrow().sizeBytes()).hasValue(77_704_715L);
        assertThat(ModelCatalogue.all()).allSatisfy(m -> assertThat(m.sizeBytes().orElse(30_000_000L))
                .isBetween(30_000_000L, 1_700_000_000L));
    }
}

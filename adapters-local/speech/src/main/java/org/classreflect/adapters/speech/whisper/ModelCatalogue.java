package org.classreflect.adapters.speech.whisper;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The whisper.cpp models this product knows how to fetch. Sizes and sha-256 digests are the Git LFS records of
 * the files on https://huggingface.co/ggerganov/whisper.cpp, as pinned identically by several unrelated public
 * projects (see docs/transcription.md); whisper.cpp's own models/README.md publishes only sha-1 digests. None
 * could be checked against the file itself here, because no real model can be downloaded on the build machines.
 */
public final class ModelCatalogue {

    /** The public whisper.cpp model host; a model is at {@code <base>ggml-<name>.bin}. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://huggingface.co/ggerganov/whisper.cpp/resolve/main/");

    private static final List<CatalogueModel> MODELS = List.of(
            model("tiny", 77_691_713L, "be07e048e1e599ad46341c8d2a135645097a538221678b7acdd1b1919c6e1b21",
                    "fastest, least accurate; any language"),
            model("tiny.en", 77_704_715L, "921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f",
                    "fastest, least accurate; English"),
            model("tiny.en-q5_1", 32_166_155L, "c77c5766f1cef09b6b7d47f21b546cbddd4157886b3b5d6d4f709e91e66c7c2b",
                    "tiny.en quantised: smallest download"),
            model("base", 147_951_465L, "60ed5bc3dd14eea856493d334349b405782ddcaf0028d4b5df4088345fba2efe",
                    "fast; any language"),
            model("base.en", 147_964_211L, "a03779c86df3323075f5e796cb2ce5029f00ec8869eee3fdfb897afe36c6d002",
                    "fast; English (the default)"),
            model("base.en-q5_1", 59_721_011L, "4baf70dd0d7c4247ba2b81fafd9c01005ac77c2f9ef064e00dcf195d0e2fdd2f",
                    "base.en quantised"),
            model("small", 487_601_967L, "1be3a9b2063867b937e64e2ec7483364a79917e157fa98c5d94b5c1fffea987b",
                    "clearly more accurate, about 3x slower than base; any language"),
            model("small.en", 487_614_201L, "c6138d6d58ecc8322097e0f987c32f1be8bb0a18532a3f88f734d1bbf9c41e5d",
                    "clearly more accurate, about 3x slower than base; English"),
            model("small.en-q5_1", 190_098_681L, "bfdff4894dcb76bbf647d56263ea2a96645423f1669176f4844a1bf8e478ad30",
                    "small.en quantised: a good accuracy for its size on a CPU"),
            model("medium", 1_533_763_059L, "6c14d5adee5f86394037b4e4e8b59f1673b6cee10e3cf0b11bbdbee79c156208",
                    "close to the best, slow on a CPU; any language"),
            model("medium.en", 1_533_774_781L, "cc37e93478338ec7700281a7ac30a10128929eb8f427dda2e865faa8f6da4356",
                    "close to the best, slow on a CPU; English"),
            model("medium-q5_0", 539_212_467L, "19fea4b380c3a618ec4723c3eef2eb785ffba0d0538cf43f8f235e7b3b34220f",
                    "medium quantised"),
            model("large-v3-turbo", 1_624_555_275L,
                    "1fc70f774d38eb169993ac391eea357ef47c88757ef72ee5943879b7e8e2bc69",
                    "most accurate here; needs a fast machine; any language"),
            model("large-v3-turbo-q5_0", 574_041_195L,
                    "394221709cd5ad1f40c46e6031ca61bce88931e6e088c188294c6d5a55ffa7e2",
                    "large-v3-turbo quantised: near its accuracy at a third of the size"));

    private ModelCatalogue() {
    }

    public static List<CatalogueModel> all() {
        return MODELS;
    }

    public static Optional<CatalogueModel> find(String name) {
        return MODELS.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", MODELS.stream().map(CatalogueModel::name).toList());
    }

    private static CatalogueModel model(String name, long bytes, String sha256, String summary) {
        return new CatalogueModel(name, OptionalLong.of(bytes), Optional.of(sha256), summary);
    }
}

package org.classreflect.adapters.speech.whisper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes a ggml Whisper model with a real English-only architecture and random weights: the header, mel filters and
 * vocabulary of whisper.cpp's weightless test model ({@link TestAudio#STUB_MODEL}), the hyper-parameters of the
 * chosen size, then every tensor whisper.cpp 1.7.1 loads, by name, shape and type (weight matrices and convolutions
 * in 16-bit floats, biases, norms and positional embeddings in 32-bit floats). The engine then decodes real token
 * sequences (nonsense words, often repeated) at the speed of a real model of that size.
 */
final class RandomWhisperModel {

    /** The English-only sizes, as whisper.cpp's models define them (the text and audio sides are the same). */
    enum Size {
        TINY_EN("tiny.en", 384, 6, 4),
        BASE_EN("base.en", 512, 8, 6),
        SMALL_EN("small.en", 768, 12, 12);

        final String name;
        final int state;
        final int heads;
        final int layers;

        Size(String name, int state, int heads, int layers) {
            this.name = name;
            this.state = state;
            this.heads = heads;
            this.layers = layers;
        }

        String fileName() {
            return "ggml-" + name + ".bin";
        }
    }

    private static final int GGML_MAGIC = 0x67676d6c;
    private static final int VOCABULARY = 51864;
    private static final int AUDIO_CONTEXT = 1500;
    private static final int TEXT_CONTEXT = 448;
    private static final int MELS = 80;
    private static final int FTYPE_F16 = 1;
    private static final int TYPE_F32 = 0;
    private static final int TYPE_F16 = 1;
    /** Where the stub's mel filters start: after the magic and eleven 32-bit hyper-parameters. */
    private static final int STUB_HEADER = 4 + 11 * 4;
    /** Spread of the token embedding, wide enough that greedy decoding picks words over timestamps now and then. */
    private static final double TOKEN_EMBEDDING_SPREAD = 0.5;
    private static final double POSITION_SPREAD = 0.1;

    private final SplittableRandom random;
    private final FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    private RandomWhisperModel(long seed, FileChannel out) {
        this.random = new SplittableRandom(seed);
        this.out = out;
    }

    /** A tiny.en model with seed 1, written once per build into {@code target/random-models}. */
    static synchronized Path tinyEn() throws IOException {
        Path file = Path.of("target", "random-models", Size.TINY_EN.fileName()).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            write(file, Size.TINY_EN, 1);
        }
        return file;
    }

    /** Writes the model to {@code file} (through a temporary file, so a reader never sees half a model). */
    static Path write(Path file, Size size, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            new RandomWhisperModel(seed, channel).writeModel(size);
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void writeModel(Size size) throws IOException {
        int[] header = {GGML_MAGIC, VOCABULARY, AUDIO_CONTEXT, size.state, size.heads, size.layers, TEXT_CONTEXT,
                size.state, size.heads, size.layers, MELS, FTYPE_F16};
        for (int value : header) {
            putInt(value);
        }
        byte[] stub = Files.readAllBytes(TestAudio.STUB_MODEL);
        putBytes(stub, STUB_HEADER, stub.length - STUB_HEADER);
        writeEncoder(size.state, size.layers);
        writeDecoder(size.state, size.layers);
        flush();
    }

    private void writeEncoder(int state, int layers) throws IOException {
        gaussian("encoder.positional_embedding", TYPE_F32, POSITION_SPREAD, state, AUDIO_CONTEXT);
        linear("encoder.conv1.weight", TYPE_F16, 3 * MELS, 3, MELS, state);
        constant("encoder.conv1.bias", 0f, 1, state);
        linear("encoder.conv2.weight", TYPE_F16, 3 * state, 3, state, state);
        constant("encoder.conv2.bias", 0f, 1, state);
        norm("encoder.ln_post", state);
        for (int i = 0; i < layers; i++) {
            String block = "encoder.blocks." + i + ".";
            attention(block + "attn", state);
            norm(block + "attn_ln", state);
            mlp(block, state);
        }
    }

    private void writeDecoder(int state, int layers) throws IOException {
        gaussian("decoder.positional_embedding", TYPE_F32, POSITION_SPREAD, state, TEXT_CONTEXT);
        gaussian("decoder.token_embedding.weight", TYPE_F16, TOKEN_EMBEDDING_SPREAD / Math.sqrt(state), state,
                VOCABULARY);
        norm("decoder.ln", state);
        for (int i = 0; i < layers; i++) {
            String block = "decoder.blocks." + i + ".";
            attention(block + "attn", state);
            norm(block + "attn_ln", state);
            attention(block + "cross_attn", state);
            norm(block + "cross_attn_ln", state);
            mlp(block, state);
        }
    }

    private void attention(String prefix, int state) throws IOException {
        linear(prefix + ".query.weight", TYPE_F16, state, state, state);
        constant(prefix + ".query.bias", 0f, state);
        linear(prefix + ".key.weight", TYPE_F16, state, state, state);
        linear(prefix + ".value.weight", TYPE_F16, state, state, state);
        constant(prefix + ".value.bias", 0f, state);
        linear(prefix + ".out.weight", TYPE_F16, state, state, state);
        constant(prefix + ".out.bias", 0f, state);
    }

    private void mlp(String block, int state) throws IOException {
        norm(block + "mlp_ln", state);
        linear(block + "mlp.0.weight", TYPE_F16, state, state, 4 * state);
        constant(block + "mlp.0.bias", 0f, 4 * state);
        linear(block + "mlp.2.weight", TYPE_F16, 4 * state, 4 * state, state);
        constant(block + "mlp.2.bias", 0f, state);
    }

    private void norm(String prefix, int state) throws IOException {
        constant(prefix + ".weight", 1f, state);
        constant(prefix + ".bias", 0f, state);
    }

    /** Weights that keep the size of what passes through: spread 1/sqrt(inputs). */
    private void linear(String name, int type, int inputs, int... shape) throws IOException {
        gaussian(name, type, 1 / Math.sqrt(inputs), shape);
    }

    private void gaussian(String name, int type, double spread, int... shape) throws IOException {
        long count = tensorHeader(name, type, shape);
        for (long i = 0; i < count; i++) {
            putValue(type, (float) (random.nextGaussian() * spread));
        }
    }

    private void constant(String name, float value, int... shape) throws IOException {
        long count = tensorHeader(name, TYPE_F32, shape);
        for (long i = 0; i < count; i++) {
            putValue(TYPE_F32, value);
        }
    }

    /** Dimensions, name length and type, the dimensions (innermost first), the name; returns the element count. */
    private long tensorHeader(String name, int type, int... shape) throws IOException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        putInt(shape.length);
        putInt(bytes.length);
        putInt(type);
        long count = 1;
        for (int dimension : shape) {
            putInt(dimension);
            count *= dimension;
        }
        putBytes(bytes, 0, bytes.length);
        return count;
    }

    private void putValue(int type, float value) throws IOException {
        room(4);
        if (type == TYPE_F16) {
            buffer.putShort(half(value));
        } else {
            buffer.putFloat(value);
        }
    }

    /** IEEE half precision, rounding to nearest; values too small for a normal half become zero. */
    private static short half(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int rounded = (bits & 0x7fffffff) + 0x1000;
        int exponent = (rounded >>> 23) - 127 + 15;
        if (exponent <= 0) {
            return (short) sign;
        }
        if (exponent >= 31) {
            return (short) (sign | 0x7bff);
        }
        return (short) (sign | exponent << 10 | (rounded >>> 13) & 0x3ff);
    }

    private void putInt(int value) throws IOException {
        room(4);
        buffer.putInt(value);
    }

    private void putBytes(byte[] bytes, int from, int length) throws IOException {
        int at = from;
        while (at < from + length) {
            room(1);
            int n = Math.min(buffer.remaining(), from + length - at);
            buffer.put(bytes, at, n);
            at += n;
        }
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }
}

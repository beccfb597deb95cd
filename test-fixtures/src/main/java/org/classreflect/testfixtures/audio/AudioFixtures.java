package org.classreflect.testfixtures.audio;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PCM_S16LE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Audio files for tests, made inside the test from the shared speech clips with FFmpeg's encoders (the ones the
 * JavaCV FFmpeg build carries: libmp3lame, aac, libopus, flac), so no fixture binaries are kept in the repository.
 */
public final class AudioFixtures {

    /** How a fixture is encoded; rates and channels differ from the 16 kHz mono source on purpose. */
    public enum Encoding {
        MP3("mp3", "mp3", AV_CODEC_ID_MP3, 44_100, 2, 96_000),
        M4A("ipod", "m4a", AV_CODEC_ID_AAC, 48_000, 1, 64_000),
        OGG_OPUS("ogg", "opus", AV_CODEC_ID_OPUS, 48_000, 1, 32_000),
        WEBM_OPUS("webm", "webm", AV_CODEC_ID_OPUS, 48_000, 1, 32_000),
        FLAC("flac", "flac", AV_CODEC_ID_FLAC, 16_000, 1, 0),
        WAV("wav", "wav", AV_CODEC_ID_PCM_S16LE, 44_100, 2, 0);

        private final String muxer;
        private final String extension;
        private final int codec;
        private final int sampleRate;
        private final int channels;
        private final int bitrate;

        Encoding(String muxer, String extension, int codec, int sampleRate, int channels, int bitrate) {
            this.muxer = muxer;
            this.extension = extension;
            this.codec = codec;
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.bitrate = bitrate;
        }

        public String extension() {
            return extension;
        }
    }

    /** A real (small) PNG image: a picture, whatever its file name says. */
    public static final byte[] PNG = pngBytes();

    private static final int BLOCK_FRAMES = 16_000;

    private AudioFixtures() {
    }

    /** A clip from the shared folder ({@code classreflect.shared}/audio), e.g. "jfk.wav". */
    public static Path shared(String name) {
        return Path.of(System.getProperty("classreflect.shared", "../../shared"), "audio", name);
    }

    /** Encodes a 16-bit PCM mono WAV as {@code target}, in the given encoding. */
    public static Path encode(Path wav, Encoding encoding, Path target) {
        return encodeLooped(wav, encoding, 1, target);
    }

    /** Encodes the WAV {@code times} times over, end to end, as one file: a long lesson from a short clip. */
    public static Path encodeLooped(Path wav, Encoding encoding, int times, Path target) {
        if (encoding == Encoding.WEBM_OPUS) {
            Path ogg = target.resolveSibling(target.getFileName() + ".ogg");
            encodeLooped(wav, Encoding.OGG_OPUS, times, ogg);
            return remux(ogg, encoding, target);
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), encoding.channels);
            recorder.setFormat(encoding.muxer);
            recorder.setAudioCodec(encoding.codec);
            recorder.setSampleRate(encoding.sampleRate);
            if (encoding.bitrate > 0) {
                recorder.setAudioBitrate(encoding.bitrate);
            }
            recorder.start();
            try {
                for (int i = 0; i < times; i++) {
                    recordWav(wav, recorder);
                }
                recorder.stop();
            } finally {
                recorder.release();
            }
            return target;
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("cannot encode " + wav + " as " + encoding, e);
        }
    }

    /**
     * Copies the packets into another container without re-encoding. JavaCV's recorder writes wrong packet
     * durations into Matroska when it encodes (the file then claims about a second too much), remuxing does not.
     */
    private static Path remux(Path source, Encoding encoding, Path target) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), encoding.channels)) {
                recorder.setFormat(encoding.muxer);
                recorder.setAudioCodec(grabber.getAudioCodec());
                recorder.setSampleRate(grabber.getSampleRate());
                recorder.start(grabber.getFormatContext());
                for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
                    recorder.recordPacket(packet);
                }
                recorder.stop();
            }
            grabber.stop();
            Files.delete(source);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot remux " + source + " as " + encoding, e);
        }
    }

    /** The samples of a 16-bit PCM mono WAV, in [-1, 1]: the reference a decoder's output is compared with. */
    public static float[] samples(Path wav) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            ShortBuffer pcm = ByteBuffer.wrap(in.readAllBytes())
                    .order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer();
            float[] samples = new float[pcm.remaining()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = pcm.get(i) / 32768f;
            }
            return samples;
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("cannot read " + wav, e);
        }
    }

    /** Writes the PNG fixture under the given name (for instance one ending in .mp3). */
    public static Path png(Path target) {
        try {
            return Files.write(target, PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An mp3 whose headers lie about its length: {@code denseSeconds} of 160 kbps frames, then {@code sparseSeconds}
     * of 8 kbps frames (16 kHz mono throughout), concatenated with no Xing/Info header and no ID3 tag. Without a
     * Xing header FFmpeg's probe estimates the length from the first frames' bitrate (file size / 160 kbps), so
     * the file "lasts" a fraction of what it holds: the trick that fits 80 hours into 500 MB.
     */
    public static Path lyingMp3(Path target, int denseSeconds, int sparseSeconds) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path dense = target.resolveSibling(target.getFileName() + ".dense.mp3");
            Path sparse = target.resolveSibling(target.getFileName() + ".sparse.mp3");
            plainMp3(dense, 160_000, denseSeconds);
            plainMp3(sparse, 8_000, sparseSeconds);
            try (var out = Files.newOutputStream(target)) {
                out.write(Files.readAllBytes(dense));
                out.write(Files.readAllBytes(sparse));
            }
            Files.delete(dense);
            Files.delete(sparse);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bare mp3 stream (no ID3, no Xing/Info frame) of a quiet tone with some noise, 16 kHz mono. */
    private static void plainMp3(Path target, int bitrate, int seconds) throws IOException {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), 1)) {
            recorder.setFormat("mp3");
            recorder.setAudioCodec(AV_CODEC_ID_MP3);
            recorder.setSampleRate(16_000);
            recorder.setAudioBitrate(bitrate);
            recorder.setOption("write_xing", "0");
            recorder.setOption("id3v2_version", "0");
            recorder.setOption("write_id3v1", "0");
            recorder.start();
            java.util.Random noise = new java.util.Random(seconds);
            short[] block = new short[16_000];
            for (int s = 0; s < seconds; s++) {
                for (int i = 0; i < block.length; i++) {
                    double t = (s * 16_000L + i) / 16_000.0;
                    block[i] = (short) (3000 * Math.sin(2 * Math.PI * 220 * t) + 500 * noise.nextGaussian());
                }
                recorder.recordSamples(16_000, 1, ShortBuffer.wrap(block));
            }
            recorder.stop();
        }
    }

    private static void recordWav(Path wav, FFmpegFrameRecorder recorder)
            throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getSampleSizeInBits() != 16 || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new UnsupportedAudioFileException("expected 16-bit PCM, got " + format);
            }
            if (format.getChannels() != 1) {
                throw new UnsupportedAudioFileException("expected mono, got " + format);
            }
            int channels = recorder.getAudioChannels();
            byte[] block = new byte[BLOCK_FRAMES * format.getFrameSize()];
            for (int n = in.readNBytes(block, 0, block.length); n > 0; n = in.readNBytes(block, 0, block.length)) {
                ShortBuffer mono = ByteBuffer.wrap(block, 0, n)
                        .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                short[] interleaved = new short[mono.remaining() * channels];
                for (int i = 0; i < interleaved.length; i++) {
                    interleaved[i] = mono.get(i / channels);
                }
                // JavaCV's recorder garbles a change of channel count, so the copies per channel are made here
                recorder.recordSamples((int) format.getSampleRate(), channels, ShortBuffer.wrap(interleaved));
            }
        } catch (FrameRecorder.Exception e) {
            throw new IOException(e);
        }
    }

    private static byte[] pngBytes() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, x * 4 << 16 | y * 5 << 8 | 0x80);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
